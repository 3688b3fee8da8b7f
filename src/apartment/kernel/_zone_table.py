"""Windows' time zones: their keys, names and the IANA zones they stand for (facts).

``ZONES`` maps each key of the registry's "Time Zones" key to the IANA zones it stands for,
the first its default: CLDR's windowsZones table (territory 001 first, then every
territory's). ``NAMES`` gives each key's display name and the names of its standard and
daylight times, as Windows' registry (``Display``, ``Std``, ``Dlt``) has them in English.
"""

from __future__ import annotations

__all__ = ["ZONES", "NAMES"]

ZONES: dict[str, str] = {
    "Afghanistan Standard Time": "Asia/Kabul",
    "Alaskan Standard Time": (
        "America/Anchorage America/Juneau America/Metlakatla America/Nome America/Sitka "
        "America/Yakutat"
    ),
    "Aleutian Standard Time": "America/Adak",
    "Altai Standard Time": "Asia/Barnaul",
    "Arab Standard Time": "Asia/Riyadh Asia/Bahrain Asia/Kuwait Asia/Qatar Asia/Aden",
    "Arabian Standard Time": "Asia/Dubai Asia/Muscat Etc/GMT-4",
    "Arabic Standard Time": "Asia/Baghdad",
    "Argentina Standard Time": (
        "America/Buenos_Aires America/Argentina/La_Rioja America/Argentina/Rio_Gallegos "
        "America/Argentina/Salta America/Argentina/San_Juan America/Argentina/San_Luis "
        "America/Argentina/Tucuman America/Argentina/Ushuaia America/Catamarca "
        "America/Cordoba America/Jujuy America/Mendoza"
    ),
    "Astrakhan Standard Time": "Europe/Astrakhan Europe/Ulyanovsk",
    "Atlantic Standard Time": (
        "America/Halifax Atlantic/Bermuda America/Glace_Bay America/Goose_Bay "
        "America/Moncton America/Thule"
    ),
    "AUS Central Standard Time": "Australia/Darwin",
    "Aus Central W. Standard Time": "Australia/Eucla",
    "AUS Eastern Standard Time": "Australia/Sydney Australia/Melbourne",
    "Azerbaijan Standard Time": "Asia/Baku",
    "Azores Standard Time": "Atlantic/Azores America/Scoresbysund",
    "Bahia Standard Time": "America/Bahia",
    "Bangladesh Standard Time": "Asia/Dhaka Asia/Thimphu",
    "Belarus Standard Time": "Europe/Minsk",
    "Bougainville Standard Time": "Pacific/Bougainville",
    "Canada Central Standard Time": "America/Regina America/Swift_Current",
    "Cape Verde Standard Time": "Atlantic/Cape_Verde Etc/GMT+1",
    "Caucasus Standard Time": "Asia/Yerevan",
    "Cen. Australia Standard Time": "Australia/Adelaide Australia/Broken_Hill",
    "Central America Standard Time": (
        "America/Guatemala America/Belize America/Costa_Rica Pacific/Galapagos "
        "America/Tegucigalpa America/Managua America/El_Salvador Etc/GMT+6"
    ),
    "Central Asia Standard Time": (
        "Asia/Almaty Antarctica/Vostok Asia/Urumqi Indian/Chagos Asia/Bishkek "
        "Asia/Qostanay Etc/GMT-6"
    ),
    "Central Brazilian Standard Time": "America/Cuiaba America/Campo_Grande",
    "Central Europe Standard Time": (
        "Europe/Budapest Europe/Tirane Europe/Prague Europe/Podgorica Europe/Belgrade "
        "Europe/Ljubljana Europe/Bratislava"
    ),
    "Central European Standard Time": "Europe/Warsaw Europe/Sarajevo Europe/Zagreb Europe/Skopje",
    "Central Pacific Standard Time": (
        "Pacific/Guadalcanal Antarctica/Casey Pacific/Ponape Pacific/Kosrae "
        "Pacific/Noumea Pacific/Efate Etc/GMT-11"
    ),
    "Central Standard Time": (
        "America/Chicago America/Winnipeg America/Rainy_River America/Rankin_Inlet "
        "America/Resolute America/Matamoros America/Indiana/Knox "
        "America/Indiana/Tell_City America/Menominee America/North_Dakota/Beulah "
        "America/North_Dakota/Center America/North_Dakota/New_Salem CST6CDT"
    ),
    "Central Standard Time (Mexico)": (
        "America/Mexico_City America/Bahia_Banderas America/Merida America/Monterrey"
    ),
    "Chatham Islands Standard Time": "Pacific/Chatham",
    "China Standard Time": "Asia/Shanghai Asia/Hong_Kong Asia/Macau",
    "Cuba Standard Time": "America/Havana",
    "Dateline Standard Time": "Etc/GMT+12",
    "E. Africa Standard Time": (
        "Africa/Nairobi Antarctica/Syowa Africa/Djibouti Africa/Asmera "
        "Africa/Addis_Ababa Indian/Comoro Indian/Antananarivo Africa/Mogadishu "
        "Africa/Dar_es_Salaam Africa/Kampala Indian/Mayotte Etc/GMT-3"
    ),
    "E. Australia Standard Time": "Australia/Brisbane Australia/Lindeman",
    "E. Europe Standard Time": "Europe/Chisinau",
    "E. South America Standard Time": "America/Sao_Paulo",
    "Easter Island Standard Time": "Pacific/Easter",
    "Eastern Standard Time": (
        "America/New_York America/Nassau America/Toronto America/Iqaluit "
        "America/Montreal America/Nipigon America/Pangnirtung America/Thunder_Bay "
        "America/Detroit America/Indiana/Petersburg America/Indiana/Vincennes "
        "America/Indiana/Winamac America/Kentucky/Monticello America/Louisville EST5EDT"
    ),
    "Eastern Standard Time (Mexico)": "America/Cancun",
    "Egypt Standard Time": "Africa/Cairo",
    "Ekaterinburg Standard Time": "Asia/Yekaterinburg",
    "Fiji Standard Time": "Pacific/Fiji",
    "FLE Standard Time": (
        "Europe/Kiev Europe/Mariehamn Europe/Sofia Europe/Tallinn Europe/Helsinki "
        "Europe/Vilnius Europe/Riga Europe/Uzhgorod Europe/Zaporozhye"
    ),
    "Georgian Standard Time": "Asia/Tbilisi",
    "GMT Standard Time": (
        "Europe/London Atlantic/Canary Atlantic/Faeroe Europe/Guernsey Europe/Dublin "
        "Europe/Isle_of_Man Europe/Jersey Europe/Lisbon Atlantic/Madeira"
    ),
    "Greenland Standard Time": "America/Godthab",
    "Greenwich Standard Time": (
        "Atlantic/Reykjavik Africa/Ouagadougou Africa/Abidjan Africa/Accra "
        "America/Danmarkshavn Africa/Banjul Africa/Conakry Africa/Bissau Africa/Monrovia "
        "Africa/Bamako Africa/Nouakchott Atlantic/St_Helena Africa/Freetown Africa/Dakar "
        "Africa/Lome"
    ),
    "GTB Standard Time": "Europe/Bucharest Asia/Nicosia Asia/Famagusta Europe/Athens",
    "Haiti Standard Time": "America/Port-au-Prince",
    "Hawaiian Standard Time": (
        "Pacific/Honolulu Pacific/Rarotonga Pacific/Tahiti Pacific/Johnston Etc/GMT+10"
    ),
    "India Standard Time": "Asia/Calcutta",
    "Iran Standard Time": "Asia/Tehran",
    "Israel Standard Time": "Asia/Jerusalem",
    "Jordan Standard Time": "Asia/Amman",
    "Kaliningrad Standard Time": "Europe/Kaliningrad",
    "Korea Standard Time": "Asia/Seoul",
    "Libya Standard Time": "Africa/Tripoli",
    "Line Islands Standard Time": "Pacific/Kiritimati Etc/GMT-14",
    "Lord Howe Standard Time": "Australia/Lord_Howe",
    "Magadan Standard Time": "Asia/Magadan",
    "Magallanes Standard Time": "America/Punta_Arenas",
    "Marquesas Standard Time": "Pacific/Marquesas",
    "Mauritius Standard Time": "Indian/Mauritius Indian/Reunion Indian/Mahe",
    "Middle East Standard Time": "Asia/Beirut",
    "Montevideo Standard Time": "America/Montevideo",
    "Morocco Standard Time": "Africa/Casablanca Africa/El_Aaiun",
    "Mountain Standard Time": (
        "America/Denver America/Edmonton America/Cambridge_Bay America/Inuvik "
        "America/Yellowknife America/Ojinaga America/Boise MST7MDT"
    ),
    "Mountain Standard Time (Mexico)": "America/Chihuahua America/Mazatlan",
    "Myanmar Standard Time": "Asia/Rangoon Indian/Cocos",
    "N. Central Asia Standard Time": "Asia/Novosibirsk",
    "Namibia Standard Time": "Africa/Windhoek",
    "Nepal Standard Time": "Asia/Katmandu",
    "New Zealand Standard Time": "Pacific/Auckland Antarctica/McMurdo",
    "Newfoundland Standard Time": "America/St_Johns",
    "Norfolk Standard Time": "Pacific/Norfolk",
    "North Asia East Standard Time": "Asia/Irkutsk",
    "North Asia Standard Time": "Asia/Krasnoyarsk Asia/Novokuznetsk",
    "North Korea Standard Time": "Asia/Pyongyang",
    "Omsk Standard Time": "Asia/Omsk",
    "Pacific SA Standard Time": "America/Santiago",
    "Pacific Standard Time": "America/Los_Angeles America/Vancouver PST8PDT",
    "Pacific Standard Time (Mexico)": "America/Tijuana America/Santa_Isabel",
    "Pakistan Standard Time": "Asia/Karachi",
    "Paraguay Standard Time": "America/Asuncion",
    "Qyzylorda Standard Time": "Asia/Qyzylorda",
    "Romance Standard Time": (
        "Europe/Paris Europe/Brussels Europe/Copenhagen Europe/Madrid Africa/Ceuta"
    ),
    "Russia Time Zone 10": "Asia/Srednekolymsk",
    "Russia Time Zone 11": "Asia/Kamchatka Asia/Anadyr",
    "Russia Time Zone 3": "Europe/Samara",
    "Russian Standard Time": "Europe/Moscow Europe/Kirov Europe/Simferopol",
    "SA Eastern Standard Time": (
        "America/Cayenne Antarctica/Rothera Antarctica/Palmer America/Fortaleza "
        "America/Belem America/Maceio America/Recife America/Santarem Atlantic/Stanley "
        "America/Paramaribo Etc/GMT+3"
    ),
    "SA Pacific Standard Time": (
        "America/Bogota America/Rio_Branco America/Eirunepe America/Coral_Harbour "
        "America/Guayaquil America/Jamaica America/Cayman America/Panama America/Lima "
        "Etc/GMT+5"
    ),
    "SA Western Standard Time": (
        "America/La_Paz America/Antigua America/Anguilla America/Aruba America/Barbados "
        "America/St_Barthelemy America/Kralendijk America/Manaus America/Boa_Vista "
        "America/Porto_Velho America/Blanc-Sablon America/Curacao America/Dominica "
        "America/Santo_Domingo America/Grenada America/Guadeloupe America/Guyana "
        "America/St_Kitts America/St_Lucia America/Marigot America/Martinique "
        "America/Montserrat America/Puerto_Rico America/Lower_Princes "
        "America/Port_of_Spain America/St_Vincent America/Tortola America/St_Thomas "
        "Etc/GMT+4"
    ),
    "Saint Pierre Standard Time": "America/Miquelon",
    "Sakhalin Standard Time": "Asia/Sakhalin",
    "Samoa Standard Time": "Pacific/Apia",
    "Sao Tome Standard Time": "Africa/Sao_Tome",
    "Saratov Standard Time": "Europe/Saratov",
    "SE Asia Standard Time": (
        "Asia/Bangkok Antarctica/Davis Indian/Christmas Asia/Jakarta Asia/Pontianak "
        "Asia/Phnom_Penh Asia/Vientiane Asia/Saigon Etc/GMT-7"
    ),
    "Singapore Standard Time": (
        "Asia/Singapore Asia/Brunei Asia/Makassar Asia/Kuala_Lumpur Asia/Kuching "
        "Asia/Manila Etc/GMT-8"
    ),
    "South Africa Standard Time": (
        "Africa/Johannesburg Africa/Bujumbura Africa/Gaborone Africa/Lubumbashi "
        "Africa/Maseru Africa/Blantyre Africa/Maputo Africa/Kigali Africa/Mbabane "
        "Africa/Lusaka Africa/Harare Etc/GMT-2"
    ),
    "South Sudan Standard Time": "Africa/Juba",
    "Sri Lanka Standard Time": "Asia/Colombo",
    "Sudan Standard Time": "Africa/Khartoum",
    "Syria Standard Time": "Asia/Damascus",
    "Taipei Standard Time": "Asia/Taipei",
    "Tasmania Standard Time": "Australia/Hobart Australia/Currie Antarctica/Macquarie",
    "Tocantins Standard Time": "America/Araguaina",
    "Tokyo Standard Time": "Asia/Tokyo Asia/Jayapura Pacific/Palau Asia/Dili Etc/GMT-9",
    "Tomsk Standard Time": "Asia/Tomsk",
    "Tonga Standard Time": "Pacific/Tongatapu",
    "Transbaikal Standard Time": "Asia/Chita",
    "Turkey Standard Time": "Europe/Istanbul",
    "Turks And Caicos Standard Time": "America/Grand_Turk",
    "Ulaanbaatar Standard Time": "Asia/Ulaanbaatar Asia/Choibalsan",
    "US Eastern Standard Time": (
        "America/Indianapolis America/Indiana/Marengo America/Indiana/Vevay"
    ),
    "US Mountain Standard Time": (
        "America/Phoenix America/Creston America/Dawson_Creek America/Fort_Nelson "
        "America/Hermosillo Etc/GMT+7"
    ),
    "UTC": "Etc/UTC Etc/GMT",
    "UTC+12": (
        "Etc/GMT-12 Pacific/Tarawa Pacific/Majuro Pacific/Kwajalein Pacific/Nauru "
        "Pacific/Funafuti Pacific/Wake Pacific/Wallis"
    ),
    "UTC+13": "Etc/GMT-13 Pacific/Enderbury Pacific/Fakaofo",
    "UTC-02": "Etc/GMT+2 America/Noronha Atlantic/South_Georgia",
    "UTC-08": "Etc/GMT+8 Pacific/Pitcairn",
    "UTC-09": "Etc/GMT+9 Pacific/Gambier",
    "UTC-11": "Etc/GMT+11 Pacific/Pago_Pago Pacific/Niue Pacific/Midway",
    "Venezuela Standard Time": "America/Caracas",
    "Vladivostok Standard Time": "Asia/Vladivostok Asia/Ust-Nera",
    "Volgograd Standard Time": "Europe/Volgograd",
    "W. Australia Standard Time": "Australia/Perth",
    "W. Central Africa Standard Time": (
        "Africa/Lagos Africa/Luanda Africa/Porto-Novo Africa/Kinshasa Africa/Bangui "
        "Africa/Brazzaville Africa/Douala Africa/Algiers Africa/Libreville Africa/Malabo "
        "Africa/Niamey Africa/Ndjamena Africa/Tunis Etc/GMT-1"
    ),
    "W. Europe Standard Time": (
        "Europe/Berlin Europe/Andorra Europe/Vienna Europe/Zurich Europe/Busingen "
        "Europe/Gibraltar Europe/Rome Europe/Vaduz Europe/Luxembourg Europe/Monaco "
        "Europe/Malta Europe/Amsterdam Europe/Oslo Europe/Stockholm Arctic/Longyearbyen "
        "Europe/San_Marino Europe/Vatican"
    ),
    "W. Mongolia Standard Time": "Asia/Hovd",
    "West Asia Standard Time": (
        "Asia/Tashkent Antarctica/Mawson Asia/Oral Asia/Aqtau Asia/Aqtobe Asia/Atyrau "
        "Indian/Maldives Indian/Kerguelen Asia/Dushanbe Asia/Ashgabat Asia/Samarkand "
        "Etc/GMT-5"
    ),
    "West Bank Standard Time": "Asia/Hebron Asia/Gaza",
    "West Pacific Standard Time": (
        "Pacific/Port_Moresby Antarctica/DumontDUrville Pacific/Truk Pacific/Guam "
        "Pacific/Saipan Etc/GMT-10"
    ),
    "Yakutsk Standard Time": "Asia/Yakutsk Asia/Khandyga",
    "Yukon Standard Time": "America/Whitehorse America/Dawson",
}
"""Windows key -> its IANA zones, separated by spaces (the default first)."""

NAMES: dict[str, tuple[str, str, str]] = {
    "Afghanistan Standard Time": (
        "(UTC+04:30) Afghanistan Standard Time",
        "Afghanistan Standard Time",
        "Afghanistan Daylight Time",
    ),
    "Alaskan Standard Time": (
        "(UTC-09:00) Alaskan Standard Time",
        "Alaskan Standard Time",
        "Alaskan Daylight Time",
    ),
    "Aleutian Standard Time": (
        "(UTC-10:00) Aleutian Standard Time",
        "Aleutian Standard Time",
        "Aleutian Daylight Time",
    ),
    "Altai Standard Time": (
        "(UTC+07:00) Altai Standard Time",
        "Altai Standard Time",
        "Altai Daylight Time",
    ),
    "Arab Standard Time": (
        "(UTC+03:00) Arab Standard Time",
        "Arab Standard Time",
        "Arab Daylight Time",
    ),
    "Arabian Standard Time": (
        "(UTC+04:00) Arabian Standard Time",
        "Arabian Standard Time",
        "Arabian Daylight Time",
    ),
    "Arabic Standard Time": (
        "(UTC+03:00) Arabic Standard Time",
        "Arabic Standard Time",
        "Arabic Daylight Time",
    ),
    "Argentina Standard Time": (
        "(UTC-03:00) Argentina Standard Time",
        "Argentina Standard Time",
        "Argentina Daylight Time",
    ),
    "Astrakhan Standard Time": (
        "(UTC+04:00) Astrakhan Standard Time",
        "Astrakhan Standard Time",
        "Astrakhan Daylight Time",
    ),
    "Atlantic Standard Time": (
        "(UTC-04:00) Atlantic Standard Time",
        "Atlantic Standard Time",
        "Atlantic Daylight Time",
    ),
    "AUS Central Standard Time": (
        "(UTC+09:30) AUS Central Standard Time",
        "AUS Central Standard Time",
        "AUS Central Daylight Time",
    ),
    "Aus Central W. Standard Time": (
        "(UTC+08:45) Aus Central W. Standard Time",
        "Aus Central W. Standard Time",
        "Aus Central W. Daylight Time",
    ),
    "AUS Eastern Standard Time": (
        "(UTC+10:00) AUS Eastern Standard Time",
        "AUS Eastern Standard Time",
        "AUS Eastern Daylight Time",
    ),
    "Azerbaijan Standard Time": (
        "(UTC+04:00) Azerbaijan Standard Time",
        "Azerbaijan Standard Time",
        "Azerbaijan Daylight Time",
    ),
    "Azores Standard Time": (
        "(UTC-01:00) Azores Standard Time",
        "Azores Standard Time",
        "Azores Daylight Time",
    ),
    "Bahia Standard Time": (
        "(UTC-03:00) Bahia Standard Time",
        "Bahia Standard Time",
        "Bahia Daylight Time",
    ),
    "Bangladesh Standard Time": (
        "(UTC+06:00) Bangladesh Standard Time",
        "Bangladesh Standard Time",
        "Bangladesh Daylight Time",
    ),
    "Belarus Standard Time": (
        "(UTC+03:00) Belarus Standard Time",
        "Belarus Standard Time",
        "Belarus Daylight Time",
    ),
    "Bougainville Standard Time": (
        "(UTC+11:00) Bougainville Standard Time",
        "Bougainville Standard Time",
        "Bougainville Daylight Time",
    ),
    "Canada Central Standard Time": (
        "(UTC-06:00) Canada Central Standard Time",
        "Canada Central Standard Time",
        "Canada Central Daylight Time",
    ),
    "Cape Verde Standard Time": (
        "(UTC-01:00) Cape Verde Standard Time",
        "Cape Verde Standard Time",
        "Cape Verde Daylight Time",
    ),
    "Caucasus Standard Time": (
        "(UTC+04:00) Caucasus Standard Time",
        "Caucasus Standard Time",
        "Caucasus Daylight Time",
    ),
    "Cen. Australia Standard Time": (
        "(UTC+09:30) Cen. Australia Standard Time",
        "Cen. Australia Standard Time",
        "Cen. Australia Daylight Time",
    ),
    "Central America Standard Time": (
        "(UTC-06:00) Central America Standard Time",
        "Central America Standard Time",
        "Central America Daylight Time",
    ),
    "Central Asia Standard Time": (
        "(UTC+05:00) Central Asia Standard Time",
        "Central Asia Standard Time",
        "Central Asia Daylight Time",
    ),
    "Central Brazilian Standard Time": (
        "(UTC-04:00) Central Brazilian Standard Time",
        "Central Brazilian Standard Time",
        "Central Brazilian Daylight Time",
    ),
    "Central Europe Standard Time": (
        "(UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague",
        "Central Europe Standard Time",
        "Central Europe Daylight Time",
    ),
    "Central European Standard Time": (
        "(UTC+01:00) Central European Standard Time",
        "Central European Standard Time",
        "Central European Daylight Time",
    ),
    "Central Pacific Standard Time": (
        "(UTC+11:00) Central Pacific Standard Time",
        "Central Pacific Standard Time",
        "Central Pacific Daylight Time",
    ),
    "Central Standard Time": (
        "(UTC-06:00) Central Standard Time",
        "Central Standard Time",
        "Central Daylight Time",
    ),
    "Central Standard Time (Mexico)": (
        "(UTC-06:00) Central Standard Time (Mexico)",
        "Central Standard Time (Mexico)",
        "Central Daylight Time (Mexico)",
    ),
    "Chatham Islands Standard Time": (
        "(UTC+12:45) Chatham Islands Standard Time",
        "Chatham Islands Standard Time",
        "Chatham Islands Daylight Time",
    ),
    "China Standard Time": (
        "(UTC+08:00) China Standard Time",
        "China Standard Time",
        "China Daylight Time",
    ),
    "Cuba Standard Time": (
        "(UTC-05:00) Cuba Standard Time",
        "Cuba Standard Time",
        "Cuba Daylight Time",
    ),
    "Dateline Standard Time": (
        "(UTC-12:00) Dateline Standard Time",
        "Dateline Standard Time",
        "Dateline Daylight Time",
    ),
    "E. Africa Standard Time": (
        "(UTC+03:00) E. Africa Standard Time",
        "E. Africa Standard Time",
        "E. Africa Daylight Time",
    ),
    "E. Australia Standard Time": (
        "(UTC+10:00) E. Australia Standard Time",
        "E. Australia Standard Time",
        "E. Australia Daylight Time",
    ),
    "E. Europe Standard Time": (
        "(UTC+02:00) E. Europe Standard Time",
        "E. Europe Standard Time",
        "E. Europe Daylight Time",
    ),
    "E. South America Standard Time": (
        "(UTC-03:00) E. South America Standard Time",
        "E. South America Standard Time",
        "E. South America Daylight Time",
    ),
    "Easter Island Standard Time": (
        "(UTC-06:00) Easter Island Standard Time",
        "Easter Island Standard Time",
        "Easter Island Daylight Time",
    ),
    "Eastern Standard Time": (
        "(UTC-05:00) Eastern Standard Time",
        "Eastern Standard Time",
        "Eastern Daylight Time",
    ),
    "Eastern Standard Time (Mexico)": (
        "(UTC-05:00) Eastern Standard Time (Mexico)",
        "Eastern Standard Time (Mexico)",
        "Eastern Daylight Time (Mexico)",
    ),
    "Egypt Standard Time": (
        "(UTC+02:00) Egypt Standard Time",
        "Egypt Standard Time",
        "Egypt Daylight Time",
    ),
    "Ekaterinburg Standard Time": (
        "(UTC+05:00) Ekaterinburg Standard Time",
        "Ekaterinburg Standard Time",
        "Ekaterinburg Daylight Time",
    ),
    "Fiji Standard Time": (
        "(UTC+12:00) Fiji Standard Time",
        "Fiji Standard Time",
        "Fiji Daylight Time",
    ),
    "FLE Standard Time": (
        "(UTC+02:00) FLE Standard Time",
        "FLE Standard Time",
        "FLE Daylight Time",
    ),
    "Georgian Standard Time": (
        "(UTC+04:00) Georgian Standard Time",
        "Georgian Standard Time",
        "Georgian Daylight Time",
    ),
    "GMT Standard Time": (
        "(UTC+00:00) GMT Standard Time",
        "GMT Standard Time",
        "GMT Daylight Time",
    ),
    "Greenland Standard Time": (
        "(UTC-02:00) Greenland Standard Time",
        "Greenland Standard Time",
        "Greenland Daylight Time",
    ),
    "Greenwich Standard Time": (
        "(UTC+00:00) Greenwich Standard Time",
        "Greenwich Standard Time",
        "Greenwich Daylight Time",
    ),
    "GTB Standard Time": (
        "(UTC+02:00) GTB Standard Time",
        "GTB Standard Time",
        "GTB Daylight Time",
    ),
    "Haiti Standard Time": (
        "(UTC-05:00) Haiti Standard Time",
        "Haiti Standard Time",
        "Haiti Daylight Time",
    ),
    "Hawaiian Standard Time": (
        "(UTC-10:00) Hawaiian Standard Time",
        "Hawaiian Standard Time",
        "Hawaiian Daylight Time",
    ),
    "India Standard Time": (
        "(UTC+05:30) India Standard Time",
        "India Standard Time",
        "India Daylight Time",
    ),
    "Iran Standard Time": (
        "(UTC+03:30) Iran Standard Time",
        "Iran Standard Time",
        "Iran Daylight Time",
    ),
    "Israel Standard Time": (
        "(UTC+02:00) Israel Standard Time",
        "Israel Standard Time",
        "Israel Daylight Time",
    ),
    "Jordan Standard Time": (
        "(UTC+03:00) Jordan Standard Time",
        "Jordan Standard Time",
        "Jordan Daylight Time",
    ),
    "Kaliningrad Standard Time": (
        "(UTC+02:00) Kaliningrad Standard Time",
        "Kaliningrad Standard Time",
        "Kaliningrad Daylight Time",
    ),
    "Korea Standard Time": (
        "(UTC+09:00) Korea Standard Time",
        "Korea Standard Time",
        "Korea Daylight Time",
    ),
    "Libya Standard Time": (
        "(UTC+02:00) Libya Standard Time",
        "Libya Standard Time",
        "Libya Daylight Time",
    ),
    "Line Islands Standard Time": (
        "(UTC+14:00) Line Islands Standard Time",
        "Line Islands Standard Time",
        "Line Islands Daylight Time",
    ),
    "Lord Howe Standard Time": (
        "(UTC+10:30) Lord Howe Standard Time",
        "Lord Howe Standard Time",
        "Lord Howe Daylight Time",
    ),
    "Magadan Standard Time": (
        "(UTC+11:00) Magadan Standard Time",
        "Magadan Standard Time",
        "Magadan Daylight Time",
    ),
    "Magallanes Standard Time": (
        "(UTC-03:00) Magallanes Standard Time",
        "Magallanes Standard Time",
        "Magallanes Daylight Time",
    ),
    "Marquesas Standard Time": (
        "(UTC-09:30) Marquesas Standard Time",
        "Marquesas Standard Time",
        "Marquesas Daylight Time",
    ),
    "Mauritius Standard Time": (
        "(UTC+04:00) Mauritius Standard Time",
        "Mauritius Standard Time",
        "Mauritius Daylight Time",
    ),
    "Middle East Standard Time": (
        "(UTC+02:00) Middle East Standard Time",
        "Middle East Standard Time",
        "Middle East Daylight Time",
    ),
    "Montevideo Standard Time": (
        "(UTC-03:00) Montevideo Standard Time",
        "Montevideo Standard Time",
        "Montevideo Daylight Time",
    ),
    "Morocco Standard Time": (
        "(UTC+00:00) Morocco Standard Time",
        "Morocco Standard Time",
        "Morocco Daylight Time",
    ),
    "Mountain Standard Time": (
        "(UTC-07:00) Mountain Standard Time",
        "Mountain Standard Time",
        "Mountain Daylight Time",
    ),
    "Mountain Standard Time (Mexico)": (
        "(UTC-06:00) Mountain Standard Time (Mexico)",
        "Mountain Standard Time (Mexico)",
        "Mountain Daylight Time (Mexico)",
    ),
    "Myanmar Standard Time": (
        "(UTC+06:30) Myanmar Standard Time",
        "Myanmar Standard Time",
        "Myanmar Daylight Time",
    ),
    "N. Central Asia Standard Time": (
        "(UTC+07:00) N. Central Asia Standard Time",
        "N. Central Asia Standard Time",
        "N. Central Asia Daylight Time",
    ),
    "Namibia Standard Time": (
        "(UTC+02:00) Namibia Standard Time",
        "Namibia Standard Time",
        "Namibia Daylight Time",
    ),
    "Nepal Standard Time": (
        "(UTC+05:45) Nepal Standard Time",
        "Nepal Standard Time",
        "Nepal Daylight Time",
    ),
    "New Zealand Standard Time": (
        "(UTC+12:00) New Zealand Standard Time",
        "New Zealand Standard Time",
        "New Zealand Daylight Time",
    ),
    "Newfoundland Standard Time": (
        "(UTC-03:30) Newfoundland Standard Time",
        "Newfoundland Standard Time",
        "Newfoundland Daylight Time",
    ),
    "Norfolk Standard Time": (
        "(UTC+11:00) Norfolk Standard Time",
        "Norfolk Standard Time",
        "Norfolk Daylight Time",
    ),
    "North Asia East Standard Time": (
        "(UTC+08:00) North Asia East Standard Time",
        "North Asia East Standard Time",
        "North Asia East Daylight Time",
    ),
    "North Asia Standard Time": (
        "(UTC+07:00) North Asia Standard Time",
        "North Asia Standard Time",
        "North Asia Daylight Time",
    ),
    "North Korea Standard Time": (
        "(UTC+09:00) North Korea Standard Time",
        "North Korea Standard Time",
        "North Korea Daylight Time",
    ),
    "Omsk Standard Time": (
        "(UTC+06:00) Omsk Standard Time",
        "Omsk Standard Time",
        "Omsk Daylight Time",
    ),
    "Pacific SA Standard Time": (
        "(UTC-04:00) Pacific SA Standard Time",
        "Pacific SA Standard Time",
        "Pacific SA Daylight Time",
    ),
    "Pacific Standard Time": (
        "(UTC-08:00) Pacific Standard Time",
        "Pacific Standard Time",
        "Pacific Daylight Time",
    ),
    "Pacific Standard Time (Mexico)": (
        "(UTC-08:00) Pacific Standard Time (Mexico)",
        "Pacific Standard Time (Mexico)",
        "Pacific Daylight Time (Mexico)",
    ),
    "Pakistan Standard Time": (
        "(UTC+05:00) Pakistan Standard Time",
        "Pakistan Standard Time",
        "Pakistan Daylight Time",
    ),
    "Paraguay Standard Time": (
        "(UTC-03:00) Paraguay Standard Time",
        "Paraguay Standard Time",
        "Paraguay Daylight Time",
    ),
    "Qyzylorda Standard Time": (
        "(UTC+05:00) Qyzylorda Standard Time",
        "Qyzylorda Standard Time",
        "Qyzylorda Daylight Time",
    ),
    "Romance Standard Time": (
        "(UTC+01:00) Romance Standard Time",
        "Romance Standard Time",
        "Romance Daylight Time",
    ),
    "Russia Time Zone 10": (
        "(UTC+11:00) Russia Time Zone 10",
        "Russia Time Zone 10",
        "Russia Time Zone 10",
    ),
    "Russia Time Zone 11": (
        "(UTC+12:00) Russia Time Zone 11",
        "Russia Time Zone 11",
        "Russia Time Zone 11",
    ),
    "Russia Time Zone 3": (
        "(UTC+04:00) Russia Time Zone 3",
        "Russia Time Zone 3",
        "Russia Time Zone 3",
    ),
    "Russian Standard Time": (
        "(UTC+03:00) Russian Standard Time",
        "Russian Standard Time",
        "Russian Daylight Time",
    ),
    "SA Eastern Standard Time": (
        "(UTC-03:00) SA Eastern Standard Time",
        "SA Eastern Standard Time",
        "SA Eastern Daylight Time",
    ),
    "SA Pacific Standard Time": (
        "(UTC-05:00) SA Pacific Standard Time",
        "SA Pacific Standard Time",
        "SA Pacific Daylight Time",
    ),
    "SA Western Standard Time": (
        "(UTC-04:00) SA Western Standard Time",
        "SA Western Standard Time",
        "SA Western Daylight Time",
    ),
    "Saint Pierre Standard Time": (
        "(UTC-03:00) Saint Pierre Standard Time",
        "Saint Pierre Standard Time",
        "Saint Pierre Daylight Time",
    ),
    "Sakhalin Standard Time": (
        "(UTC+11:00) Sakhalin Standard Time",
        "Sakhalin Standard Time",
        "Sakhalin Daylight Time",
    ),
    "Samoa Standard Time": (
        "(UTC+13:00) Samoa Standard Time",
        "Samoa Standard Time",
        "Samoa Daylight Time",
    ),
    "Sao Tome Standard Time": (
        "(UTC+00:00) Sao Tome Standard Time",
        "Sao Tome Standard Time",
        "Sao Tome Daylight Time",
    ),
    "Saratov Standard Time": (
        "(UTC+04:00) Saratov Standard Time",
        "Saratov Standard Time",
        "Saratov Daylight Time",
    ),
    "SE Asia Standard Time": (
        "(UTC+07:00) SE Asia Standard Time",
        "SE Asia Standard Time",
        "SE Asia Daylight Time",
    ),
    "Singapore Standard Time": (
        "(UTC+08:00) Singapore Standard Time",
        "Singapore Standard Time",
        "Singapore Daylight Time",
    ),
    "South Africa Standard Time": (
        "(UTC+02:00) South Africa Standard Time",
        "South Africa Standard Time",
        "South Africa Daylight Time",
    ),
    "South Sudan Standard Time": (
        "(UTC+02:00) South Sudan Standard Time",
        "South Sudan Standard Time",
        "South Sudan Daylight Time",
    ),
    "Sri Lanka Standard Time": (
        "(UTC+05:30) Sri Lanka Standard Time",
        "Sri Lanka Standard Time",
        "Sri Lanka Daylight Time",
    ),
    "Sudan Standard Time": (
        "(UTC+02:00) Sudan Standard Time",
        "Sudan Standard Time",
        "Sudan Daylight Time",
    ),
    "Syria Standard Time": (
        "(UTC+03:00) Syria Standard Time",
        "Syria Standard Time",
        "Syria Daylight Time",
    ),
    "Taipei Standard Time": (
        "(UTC+08:00) Taipei Standard Time",
        "Taipei Standard Time",
        "Taipei Daylight Time",
    ),
    "Tasmania Standard Time": (
        "(UTC+10:00) Tasmania Standard Time",
        "Tasmania Standard Time",
        "Tasmania Daylight Time",
    ),
    "Tocantins Standard Time": (
        "(UTC-03:00) Tocantins Standard Time",
        "Tocantins Standard Time",
        "Tocantins Daylight Time",
    ),
    "Tokyo Standard Time": (
        "(UTC+09:00) Tokyo Standard Time",
        "Tokyo Standard Time",
        "Tokyo Daylight Time",
    ),
    "Tomsk Standard Time": (
        "(UTC+07:00) Tomsk Standard Time",
        "Tomsk Standard Time",
        "Tomsk Daylight Time",
    ),
    "Tonga Standard Time": (
        "(UTC+13:00) Tonga Standard Time",
        "Tonga Standard Time",
        "Tonga Daylight Time",
    ),
    "Transbaikal Standard Time": (
        "(UTC+09:00) Transbaikal Standard Time",
        "Transbaikal Standard Time",
        "Transbaikal Daylight Time",
    ),
    "Turkey Standard Time": (
        "(UTC+03:00) Turkey Standard Time",
        "Turkey Standard Time",
        "Turkey Daylight Time",
    ),
    "Turks And Caicos Standard Time": (
        "(UTC-05:00) Turks And Caicos Standard Time",
        "Turks And Caicos Standard Time",
        "Turks And Caicos Daylight Time",
    ),
    "Ulaanbaatar Standard Time": (
        "(UTC+08:00) Ulaanbaatar Standard Time",
        "Ulaanbaatar Standard Time",
        "Ulaanbaatar Daylight Time",
    ),
    "US Eastern Standard Time": (
        "(UTC-05:00) US Eastern Standard Time",
        "US Eastern Standard Time",
        "US Eastern Daylight Time",
    ),
    "US Mountain Standard Time": (
        "(UTC-07:00) US Mountain Standard Time",
        "US Mountain Standard Time",
        "US Mountain Daylight Time",
    ),
    "UTC": ("(UTC+00:00) UTC", "UTC", "UTC"),
    "UTC+12": ("(UTC+12:00) UTC+12", "UTC+12", "UTC+12"),
    "UTC+13": ("(UTC+13:00) UTC+13", "UTC+13", "UTC+13"),
    "UTC-02": ("(UTC-02:00) UTC-02", "UTC-02", "UTC-02"),
    "UTC-08": ("(UTC-08:00) UTC-08", "UTC-08", "UTC-08"),
    "UTC-09": ("(UTC-09:00) UTC-09", "UTC-09", "UTC-09"),
    "UTC-11": ("(UTC-11:00) UTC-11", "UTC-11", "UTC-11"),
    "Venezuela Standard Time": (
        "(UTC-04:00) Venezuela Standard Time",
        "Venezuela Standard Time",
        "Venezuela Daylight Time",
    ),
    "Vladivostok Standard Time": (
        "(UTC+10:00) Vladivostok Standard Time",
        "Vladivostok Standard Time",
        "Vladivostok Daylight Time",
    ),
    "Volgograd Standard Time": (
        "(UTC+03:00) Volgograd Standard Time",
        "Volgograd Standard Time",
        "Volgograd Daylight Time",
    ),
    "W. Australia Standard Time": (
        "(UTC+08:00) W. Australia Standard Time",
        "W. Australia Standard Time",
        "W. Australia Daylight Time",
    ),
    "W. Central Africa Standard Time": (
        "(UTC+01:00) W. Central Africa Standard Time",
        "W. Central Africa Standard Time",
        "W. Central Africa Daylight Time",
    ),
    "W. Europe Standard Time": (
        "(UTC+01:00) W. Europe Standard Time",
        "W. Europe Standard Time",
        "W. Europe Daylight Time",
    ),
    "W. Mongolia Standard Time": (
        "(UTC+07:00) W. Mongolia Standard Time",
        "W. Mongolia Standard Time",
        "W. Mongolia Daylight Time",
    ),
    "West Asia Standard Time": (
        "(UTC+05:00) West Asia Standard Time",
        "West Asia Standard Time",
        "West Asia Daylight Time",
    ),
    "West Bank Standard Time": (
        "(UTC+02:00) West Bank Standard Time",
        "West Bank Standard Time",
        "West Bank Daylight Time",
    ),
    "West Pacific Standard Time": (
        "(UTC+10:00) West Pacific Standard Time",
        "West Pacific Standard Time",
        "West Pacific Daylight Time",
    ),
    "Yakutsk Standard Time": (
        "(UTC+09:00) Yakutsk Standard Time",
        "Yakutsk Standard Time",
        "Yakutsk Daylight Time",
    ),
    "Yukon Standard Time": (
        "(UTC-07:00) Yukon Standard Time",
        "Yukon Standard Time",
        "Yukon Daylight Time",
    ),
}

STRINGS: dict[int, str] = {}
"""tzres.dll's strings by id: the names of ``NAMES``, as ``MUI_Display`` (and so on) cite them."""

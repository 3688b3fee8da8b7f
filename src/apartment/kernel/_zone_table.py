"""Windows' time zones: their keys, names and the IANA zones they stand for (facts).

``ZONES`` maps each key of the registry's "Time Zones" key to the IANA zones it stands for,
the first its default: CLDR's windowsZones table (territory 001 first, then every
territory's). ``NAMES`` gives each key's display name and the names of its standard and
daylight times, as Windows' registry (``Display``, ``Std``, ``Dlt``) has them in English (read
from Wine's registry, which has Windows' zones and names).
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

NAMES: dict[str, tuple[str, str, str, int]] = {
    "Afghanistan Standard Time": (
        "(UTC+04:30) Kabul",
        "Afghanistan Standard Time",
        "Afghanistan Daylight Time",
        39616,
    ),
    "Alaskan Standard Time": (
        "(UTC-09:00) Alaska",
        "Alaskan Standard Time",
        "Alaskan Daylight Time",
        50192,
    ),
    "Aleutian Standard Time": (
        "(UTC-10:00) Aleutian Islands",
        "Aleutian Standard Time",
        "Aleutian Daylight Time",
        55200,
    ),
    "Altai Standard Time": (
        "(UTC+07:00) Barnaul, Gorno-Altaysk",
        "Altai Standard Time",
        "Altai Daylight Time",
        4464,
    ),
    "Arab Standard Time": (
        "(UTC+03:00) Kuwait, Riyadh",
        "Arab Standard Time",
        "Arab Daylight Time",
        41968,
    ),
    "Arabian Standard Time": (
        "(UTC+04:00) Abu Dhabi, Muscat",
        "Arabian Standard Time",
        "Arabian Daylight Time",
        42704,
    ),
    "Arabic Standard Time": (
        "(UTC+03:00) Baghdad",
        "Arabic Standard Time",
        "Arabic Daylight Time",
        8768,
    ),
    "Argentina Standard Time": (
        "(UTC-03:00) City of Buenos Aires",
        "Argentina Standard Time",
        "Argentina Daylight Time",
        19584,
    ),
    "Astrakhan Standard Time": (
        "(UTC+04:00) Astrakhan, Ulyanovsk",
        "Astrakhan Standard Time",
        "Astrakhan Daylight Time",
        25104,
    ),
    "Atlantic Standard Time": (
        "(UTC-04:00) Atlantic Time (Canada)",
        "Atlantic Standard Time",
        "Atlantic Daylight Time",
        34224,
    ),
    "AUS Central Standard Time": (
        "(UTC+09:30) Darwin",
        "AUS Central Standard Time",
        "AUS Central Daylight Time",
        47024,
    ),
    "Aus Central W. Standard Time": (
        "(UTC+08:45) Eucla",
        "Aus Central W. Standard Time",
        "Aus Central W. Daylight Time",
        44672,
    ),
    "AUS Eastern Standard Time": (
        "(UTC+10:00) Canberra, Melbourne, Sydney",
        "AUS Eastern Standard Time",
        "AUS Eastern Daylight Time",
        30368,
    ),
    "Azerbaijan Standard Time": (
        "(UTC+04:00) Baku",
        "Azerbaijan Standard Time",
        "Azerbaijan Daylight Time",
        11312,
    ),
    "Azores Standard Time": (
        "(UTC-01:00) Azores",
        "Azores Standard Time",
        "Azores Daylight Time",
        18832,
    ),
    "Bahia Standard Time": (
        "(UTC-03:00) Salvador",
        "Bahia Standard Time",
        "Bahia Daylight Time",
        50896,
    ),
    "Bangladesh Standard Time": (
        "(UTC+06:00) Dhaka",
        "Bangladesh Standard Time",
        "Bangladesh Daylight Time",
        48720,
    ),
    "Belarus Standard Time": (
        "(UTC+03:00) Minsk",
        "Belarus Standard Time",
        "Belarus Daylight Time",
        56576,
    ),
    "Bougainville Standard Time": (
        "(UTC+11:00) Bougainville Island",
        "Bougainville Standard Time",
        "Bougainville Daylight Time",
        51968,
    ),
    "Canada Central Standard Time": (
        "(UTC-06:00) Saskatchewan",
        "Canada Central Standard Time",
        "Canada Central Daylight Time",
        25712,
    ),
    "Cape Verde Standard Time": (
        "(UTC-01:00) Cabo Verde Is.",
        "Cape Verde Standard Time",
        "Cape Verde Daylight Time",
        2000,
    ),
    "Caucasus Standard Time": (
        "(UTC+04:00) Yerevan",
        "Caucasus Standard Time",
        "Caucasus Daylight Time",
        29872,
    ),
    "Cen. Australia Standard Time": (
        "(UTC+09:30) Adelaide",
        "Cen. Australia Standard Time",
        "Cen. Australia Daylight Time",
        38928,
    ),
    "Central America Standard Time": (
        "(UTC-06:00) Central America",
        "Central America Standard Time",
        "Central America Daylight Time",
        36656,
    ),
    "Central Asia Standard Time": (
        "(UTC+06:00) Astana",
        "Central Asia Standard Time",
        "Central Asia Daylight Time",
        8176,
    ),
    "Central Brazilian Standard Time": (
        "(UTC-04:00) Cuiaba",
        "Central Brazilian Standard Time",
        "Central Brazilian Daylight Time",
        56336,
    ),
    "Central Europe Standard Time": (
        "(UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague",
        "Central Europe Standard Time",
        "Central Europe Daylight Time",
        4896,
    ),
    "Central European Standard Time": (
        "(UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb",
        "Central European Standard Time",
        "Central European Daylight Time",
        2976,
    ),
    "Central Pacific Standard Time": (
        "(UTC+11:00) Solomon Is., New Caledonia",
        "Central Pacific Standard Time",
        "Central Pacific Daylight Time",
        64416,
    ),
    "Central Standard Time": (
        "(UTC-06:00) Central Time (US & Canada)",
        "Central Standard Time",
        "Central Daylight Time",
        17456,
    ),
    "Central Standard Time (Mexico)": (
        "(UTC-06:00) Guadalajara, Mexico City, Monterrey",
        "Central Standard Time (Mexico)",
        "Central Daylight Time (Mexico)",
        32800,
    ),
    "Chatham Islands Standard Time": (
        "(UTC+12:45) Chatham Islands",
        "Chatham Islands Standard Time",
        "Chatham Islands Daylight Time",
        62304,
    ),
    "China Standard Time": (
        "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi",
        "China Standard Time",
        "China Daylight Time",
        160,
    ),
    "Cuba Standard Time": ("(UTC-05:00) Havana", "Cuba Standard Time", "Cuba Daylight Time", 17136),
    "Dateline Standard Time": (
        "(UTC-12:00) International Date Line West",
        "Dateline Standard Time",
        "Dateline Daylight Time",
        50384,
    ),
    "E. Africa Standard Time": (
        "(UTC+03:00) Nairobi",
        "E. Africa Standard Time",
        "E. Africa Daylight Time",
        62720,
    ),
    "E. Australia Standard Time": (
        "(UTC+10:00) Brisbane",
        "E. Australia Standard Time",
        "E. Australia Daylight Time",
        65264,
    ),
    "E. Europe Standard Time": (
        "(UTC+02:00) Chisinau",
        "E. Europe Standard Time",
        "E. Europe Daylight Time",
        32128,
    ),
    "E. South America Standard Time": (
        "(UTC-03:00) Brasilia",
        "E. South America Standard Time",
        "E. South America Daylight Time",
        64096,
    ),
    "Easter Island Standard Time": (
        "(UTC-06:00) Easter Island",
        "Easter Island Standard Time",
        "Easter Island Daylight Time",
        58592,
    ),
    "Eastern Standard Time": (
        "(UTC-05:00) Eastern Time (US & Canada)",
        "Eastern Standard Time",
        "Eastern Daylight Time",
        30800,
    ),
    "Eastern Standard Time (Mexico)": (
        "(UTC-05:00) Chetumal",
        "Eastern Standard Time (Mexico)",
        "Eastern Daylight Time (Mexico)",
        59536,
    ),
    "Egypt Standard Time": (
        "(UTC+02:00) Cairo",
        "Egypt Standard Time",
        "Egypt Daylight Time",
        59424,
    ),
    "Ekaterinburg Standard Time": (
        "(UTC+05:00) Ekaterinburg",
        "Ekaterinburg Standard Time",
        "Ekaterinburg Daylight Time",
        45952,
    ),
    "Fiji Standard Time": ("(UTC+12:00) Fiji", "Fiji Standard Time", "Fiji Daylight Time", 25680),
    "FLE Standard Time": (
        "(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius",
        "FLE Standard Time",
        "FLE Daylight Time",
        63264,
    ),
    "Georgian Standard Time": (
        "(UTC+04:00) Tbilisi",
        "Georgian Standard Time",
        "Georgian Daylight Time",
        416,
    ),
    "GMT Standard Time": (
        "(UTC+00:00) Dublin, Edinburgh, Lisbon, London",
        "GMT Standard Time",
        "GMT Daylight Time",
        7408,
    ),
    "Greenland Standard Time": (
        "(UTC-03:00) Greenland",
        "Greenland Standard Time",
        "Greenland Daylight Time",
        58096,
    ),
    "Greenwich Standard Time": (
        "(UTC+00:00) Monrovia, Reykjavik",
        "Greenwich Standard Time",
        "Greenwich Daylight Time",
        47168,
    ),
    "GTB Standard Time": (
        "(UTC+02:00) Athens, Bucharest",
        "GTB Standard Time",
        "GTB Daylight Time",
        24192,
    ),
    "Haiti Standard Time": (
        "(UTC-05:00) Haiti",
        "Haiti Standard Time",
        "Haiti Daylight Time",
        2896,
    ),
    "Hawaiian Standard Time": (
        "(UTC-10:00) Hawaii",
        "Hawaiian Standard Time",
        "Hawaiian Daylight Time",
        53376,
    ),
    "India Standard Time": (
        "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi",
        "India Standard Time",
        "India Daylight Time",
        22400,
    ),
    "Iran Standard Time": ("(UTC+03:30) Tehran", "Iran Standard Time", "Iran Daylight Time", 5568),
    "Israel Standard Time": (
        "(UTC+02:00) Jerusalem",
        "Israel Standard Time",
        "Israel Daylight Time",
        47968,
    ),
    "Jordan Standard Time": (
        "(UTC+02:00) Amman",
        "Jordan Standard Time",
        "Jordan Daylight Time",
        17232,
    ),
    "Kaliningrad Standard Time": (
        "(UTC+02:00) Kaliningrad",
        "Kaliningrad Standard Time",
        "Kaliningrad Daylight Time",
        14720,
    ),
    "Korea Standard Time": (
        "(UTC+09:00) Seoul",
        "Korea Standard Time",
        "Korea Daylight Time",
        62048,
    ),
    "Libya Standard Time": (
        "(UTC+02:00) Tripoli",
        "Libya Standard Time",
        "Libya Daylight Time",
        50768,
    ),
    "Line Islands Standard Time": (
        "(UTC+14:00) Kiritimati Island",
        "Line Islands Standard Time",
        "Line Islands Daylight Time",
        16768,
    ),
    "Lord Howe Standard Time": (
        "(UTC+10:30) Lord Howe Island",
        "Lord Howe Standard Time",
        "Lord Howe Daylight Time",
        8656,
    ),
    "Magadan Standard Time": (
        "(UTC+11:00) Magadan",
        "Magadan Standard Time",
        "Magadan Daylight Time",
        8832,
    ),
    "Magallanes Standard Time": (
        "(UTC-03:00) Punta Arenas",
        "Magallanes Standard Time",
        "Magallanes Daylight Time",
        13120,
    ),
    "Marquesas Standard Time": (
        "(UTC-09:30) Marquesas Islands",
        "Marquesas Standard Time",
        "Marquesas Daylight Time",
        20736,
    ),
    "Mauritius Standard Time": (
        "(UTC+04:00) Port Louis",
        "Mauritius Standard Time",
        "Mauritius Daylight Time",
        60896,
    ),
    "Middle East Standard Time": (
        "(UTC+02:00) Beirut",
        "Middle East Standard Time",
        "Middle East Daylight Time",
        15968,
    ),
    "Montevideo Standard Time": (
        "(UTC-03:00) Montevideo",
        "Montevideo Standard Time",
        "Montevideo Daylight Time",
        27968,
    ),
    "Morocco Standard Time": (
        "(UTC+01:00) Casablanca",
        "Morocco Standard Time",
        "Morocco Daylight Time",
        2992,
    ),
    "Mountain Standard Time": (
        "(UTC-07:00) Mountain Time (US & Canada)",
        "Mountain Standard Time",
        "Mountain Daylight Time",
        34352,
    ),
    "Mountain Standard Time (Mexico)": (
        "(UTC-07:00) Chihuahua, La Paz, Mazatlan",
        "Mountain Standard Time (Mexico)",
        "Mountain Daylight Time (Mexico)",
        7248,
    ),
    "Myanmar Standard Time": (
        "(UTC+06:30) Yangon (Rangoon)",
        "Myanmar Standard Time",
        "Myanmar Daylight Time",
        21104,
    ),
    "N. Central Asia Standard Time": (
        "(UTC+07:00) Novosibirsk",
        "N. Central Asia Standard Time",
        "N. Central Asia Daylight Time",
        30704,
    ),
    "Namibia Standard Time": (
        "(UTC+02:00) Windhoek",
        "Namibia Standard Time",
        "Namibia Daylight Time",
        6208,
    ),
    "Nepal Standard Time": (
        "(UTC+05:45) Kathmandu",
        "Nepal Standard Time",
        "Nepal Daylight Time",
        1216,
    ),
    "New Zealand Standard Time": (
        "(UTC+12:00) Auckland, Wellington",
        "New Zealand Standard Time",
        "New Zealand Daylight Time",
        54896,
    ),
    "Newfoundland Standard Time": (
        "(UTC-03:30) Newfoundland",
        "Newfoundland Standard Time",
        "Newfoundland Daylight Time",
        9504,
    ),
    "Norfolk Standard Time": (
        "(UTC+11:00) Norfolk Island",
        "Norfolk Standard Time",
        "Norfolk Daylight Time",
        47440,
    ),
    "North Asia East Standard Time": (
        "(UTC+08:00) Irkutsk",
        "North Asia East Standard Time",
        "North Asia East Daylight Time",
        19056,
    ),
    "North Asia Standard Time": (
        "(UTC+07:00) Krasnoyarsk",
        "North Asia Standard Time",
        "North Asia Daylight Time",
        304,
    ),
    "North Korea Standard Time": (
        "(UTC+09:00) Pyongyang",
        "North Korea Standard Time",
        "North Korea Daylight Time",
        35888,
    ),
    "Omsk Standard Time": ("(UTC+06:00) Omsk", "Omsk Standard Time", "Omsk Daylight Time", 55952),
    "Pacific SA Standard Time": (
        "(UTC-04:00) Santiago",
        "Pacific SA Standard Time",
        "Pacific SA Daylight Time",
        65008,
    ),
    "Pacific Standard Time": (
        "(UTC-08:00) Pacific Time (US & Canada)",
        "Pacific Standard Time",
        "Pacific Daylight Time",
        11232,
    ),
    "Pacific Standard Time (Mexico)": (
        "(UTC-08:00) Baja California",
        "Pacific Standard Time (Mexico)",
        "Pacific Daylight Time (Mexico)",
        15584,
    ),
    "Pakistan Standard Time": (
        "(UTC+05:00) Islamabad, Karachi",
        "Pakistan Standard Time",
        "Pakistan Daylight Time",
        28752,
    ),
    "Paraguay Standard Time": (
        "(UTC-04:00) Asuncion",
        "Paraguay Standard Time",
        "Paraguay Daylight Time",
        50224,
    ),
    "Qyzylorda Standard Time": (
        "(UTC+05:00) Qyzylorda",
        "Qyzylorda Standard Time",
        "Qyzylorda Daylight Time",
        53760,
    ),
    "Romance Standard Time": (
        "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris",
        "Romance Standard Time",
        "Romance Daylight Time",
        45104,
    ),
    "Russia Time Zone 10": (
        "(UTC+11:00) Chokurdakh",
        "Russia Time Zone 10",
        "Russia Time Zone 10",
        59264,
    ),
    "Russia Time Zone 11": (
        "(UTC+12:00) Anadyr, Petropavlovsk-Kamchatsky",
        "Russia Time Zone 11",
        "Russia Time Zone 11",
        46000,
    ),
    "Russia Time Zone 3": (
        "(UTC+04:00) Izhevsk, Samara",
        "Russia Time Zone 3",
        "Russia Time Zone 3",
        17920,
    ),
    "Russian Standard Time": (
        "(UTC+03:00) Moscow, St. Petersburg",
        "Russian Standard Time",
        "Russian Daylight Time",
        44560,
    ),
    "SA Eastern Standard Time": (
        "(UTC-03:00) Cayenne, Fortaleza",
        "SA Eastern Standard Time",
        "SA Eastern Daylight Time",
        40656,
    ),
    "SA Pacific Standard Time": (
        "(UTC-05:00) Bogota, Lima, Quito, Rio Branco",
        "SA Pacific Standard Time",
        "SA Pacific Daylight Time",
        49424,
    ),
    "SA Western Standard Time": (
        "(UTC-04:00) Georgetown, La Paz, Manaus, San Juan",
        "SA Western Standard Time",
        "SA Western Daylight Time",
        57120,
    ),
    "Saint Pierre Standard Time": (
        "(UTC-03:00) Saint Pierre and Miquelon",
        "Saint Pierre Standard Time",
        "Saint Pierre Daylight Time",
        5584,
    ),
    "Sakhalin Standard Time": (
        "(UTC+11:00) Sakhalin",
        "Sakhalin Standard Time",
        "Sakhalin Daylight Time",
        35104,
    ),
    "Samoa Standard Time": (
        "(UTC+13:00) Samoa",
        "Samoa Standard Time",
        "Samoa Daylight Time",
        14592,
    ),
    "Sao Tome Standard Time": (
        "(UTC+00:00) Sao Tome",
        "Sao Tome Standard Time",
        "Sao Tome Daylight Time",
        5984,
    ),
    "Saratov Standard Time": (
        "(UTC+04:00) Saratov",
        "Saratov Standard Time",
        "Saratov Daylight Time",
        33808,
    ),
    "SE Asia Standard Time": (
        "(UTC+07:00) Bangkok, Hanoi, Jakarta",
        "SE Asia Standard Time",
        "SE Asia Daylight Time",
        53728,
    ),
    "Singapore Standard Time": (
        "(UTC+08:00) Kuala Lumpur, Singapore",
        "Singapore Standard Time",
        "Singapore Daylight Time",
        61840,
    ),
    "South Africa Standard Time": (
        "(UTC+02:00) Harare, Pretoria",
        "South Africa Standard Time",
        "South Africa Daylight Time",
        38896,
    ),
    "South Sudan Standard Time": (
        "(UTC+02:00) Juba",
        "South Sudan Standard Time",
        "South Sudan Daylight Time",
        7664,
    ),
    "Sri Lanka Standard Time": (
        "(UTC+05:30) Sri Jayawardenepura",
        "Sri Lanka Standard Time",
        "Sri Lanka Daylight Time",
        39408,
    ),
    "Sudan Standard Time": (
        "(UTC+02:00) Khartoum",
        "Sudan Standard Time",
        "Sudan Daylight Time",
        9792,
    ),
    "Syria Standard Time": (
        "(UTC+02:00) Damascus",
        "Syria Standard Time",
        "Syria Daylight Time",
        46576,
    ),
    "Taipei Standard Time": (
        "(UTC+08:00) Taipei",
        "Taipei Standard Time",
        "Taipei Daylight Time",
        26432,
    ),
    "Tasmania Standard Time": (
        "(UTC+10:00) Hobart",
        "Tasmania Standard Time",
        "Tasmania Daylight Time",
        36016,
    ),
    "Tocantins Standard Time": (
        "(UTC-03:00) Araguaina",
        "Tocantins Standard Time",
        "Tocantins Daylight Time",
        43072,
    ),
    "Tokyo Standard Time": (
        "(UTC+09:00) Osaka, Sapporo, Tokyo",
        "Tokyo Standard Time",
        "Tokyo Daylight Time",
        16240,
    ),
    "Tomsk Standard Time": (
        "(UTC+07:00) Tomsk",
        "Tomsk Standard Time",
        "Tomsk Daylight Time",
        29136,
    ),
    "Tonga Standard Time": (
        "(UTC+13:00) Nuku'alofa",
        "Tonga Standard Time",
        "Tonga Daylight Time",
        7216,
    ),
    "Transbaikal Standard Time": (
        "(UTC+09:00) Chita",
        "Transbaikal Standard Time",
        "Transbaikal Daylight Time",
        31472,
    ),
    "Turkey Standard Time": (
        "(UTC+03:00) Istanbul",
        "Turkey Standard Time",
        "Turkey Daylight Time",
        24848,
    ),
    "Turks And Caicos Standard Time": (
        "(UTC-05:00) Turks and Caicos",
        "Turks And Caicos Standard Time",
        "Turks And Caicos Daylight Time",
        20560,
    ),
    "Ulaanbaatar Standard Time": (
        "(UTC+08:00) Ulaanbaatar",
        "Ulaanbaatar Standard Time",
        "Ulaanbaatar Daylight Time",
        47200,
    ),
    "US Eastern Standard Time": (
        "(UTC-05:00) Indiana (East)",
        "US Eastern Standard Time",
        "US Eastern Daylight Time",
        34928,
    ),
    "US Mountain Standard Time": (
        "(UTC-07:00) Arizona",
        "US Mountain Standard Time",
        "US Mountain Daylight Time",
        37472,
    ),
    "UTC": (
        "(UTC) Coordinated Universal Time",
        "Coordinated Universal Time",
        "Coordinated Universal Time",
        22000,
    ),
    "UTC+12": ("(UTC+12:00) Coordinated Universal Time+12", "UTC+12", "UTC+12", 1200),
    "UTC+13": ("(UTC+13:00) Coordinated Universal Time+13", "UTC+13", "UTC+13", 8784),
    "UTC-02": ("(UTC-02:00) Coordinated Universal Time-02", "UTC-02", "UTC-02", 37328),
    "UTC-08": ("(UTC-08:00) Coordinated Universal Time-08", "UTC-08", "UTC-08", 3344),
    "UTC-09": ("(UTC-09:00) Coordinated Universal Time-09", "UTC-09", "UTC-09", 39152),
    "UTC-11": ("(UTC-11:00) Coordinated Universal Time-11", "UTC-11", "UTC-11", 19408),
    "Venezuela Standard Time": (
        "(UTC-04:00) Caracas",
        "Venezuela Standard Time",
        "Venezuela Daylight Time",
        51472,
    ),
    "Vladivostok Standard Time": (
        "(UTC+10:00) Vladivostok",
        "Vladivostok Standard Time",
        "Vladivostok Daylight Time",
        61376,
    ),
    "Volgograd Standard Time": (
        "(UTC+04:00) Volgograd",
        "Volgograd Standard Time",
        "Volgograd Daylight Time",
        18048,
    ),
    "W. Australia Standard Time": (
        "(UTC+08:00) Perth",
        "W. Australia Standard Time",
        "W. Australia Daylight Time",
        65376,
    ),
    "W. Central Africa Standard Time": (
        "(UTC+01:00) West Central Africa",
        "W. Central Africa Standard Time",
        "W. Central Africa Daylight Time",
        64976,
    ),
    "W. Europe Standard Time": (
        "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
        "W. Europe Standard Time",
        "W. Europe Daylight Time",
        27696,
    ),
    "W. Mongolia Standard Time": (
        "(UTC+07:00) Hovd",
        "W. Mongolia Standard Time",
        "W. Mongolia Daylight Time",
        53952,
    ),
    "West Asia Standard Time": (
        "(UTC+05:00) Ashgabat, Tashkent",
        "West Asia Standard Time",
        "West Asia Daylight Time",
        49664,
    ),
    "West Bank Standard Time": (
        "(UTC+02:00) Gaza, Hebron",
        "West Bank Standard Time",
        "West Bank Daylight Time",
        46160,
    ),
    "West Pacific Standard Time": (
        "(UTC+10:00) Guam, Port Moresby",
        "West Pacific Standard Time",
        "West Pacific Daylight Time",
        10224,
    ),
    "Yakutsk Standard Time": (
        "(UTC+09:00) Yakutsk",
        "Yakutsk Standard Time",
        "Yakutsk Daylight Time",
        40576,
    ),
    "Yukon Standard Time": (
        "(UTC-07:00) Yukon",
        "Yukon Standard Time",
        "Yukon Daylight Time",
        26288,
    ),
}
"""Windows key -> (display name, standard name, daylight name, tzres.dll id of the first).

The daylight name's string id is the standard name's + 1, the display name's + 2 (the ids
Wine's registry cites in its ``MUI_Std``, ``MUI_Dlt`` and ``MUI_Display`` values).
"""

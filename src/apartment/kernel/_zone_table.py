"""Windows' time zones: their keys, names and the IANA zones they stand for (facts).

``ZONES`` maps each key of the registry's "Time Zones" key to the IANA zones it stands for,
the first its default: CLDR's windowsZones table (territory 001 first, then every
territory's). ``NAMES`` gives each key's display name and the names of its standard and
daylight times, as Windows' registry (``Display``, ``Std``, ``Dlt``) has them in English (read
from Wine's registry, which has Windows' zones and names).
"""

from __future__ import annotations

__all__ = ["ZONES", "NAMES", "STANDARD_NAMES", "zone_names"]

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

NAMES: dict[str, tuple[str, int]] = {
    "Afghanistan Standard Time": ("(UTC+04:30) Kabul", 39616),
    "Alaskan Standard Time": ("(UTC-09:00) Alaska", 50192),
    "Aleutian Standard Time": ("(UTC-10:00) Aleutian Islands", 55200),
    "Altai Standard Time": ("(UTC+07:00) Barnaul, Gorno-Altaysk", 4464),
    "Arab Standard Time": ("(UTC+03:00) Kuwait, Riyadh", 41968),
    "Arabian Standard Time": ("(UTC+04:00) Abu Dhabi, Muscat", 42704),
    "Arabic Standard Time": ("(UTC+03:00) Baghdad", 8768),
    "Argentina Standard Time": ("(UTC-03:00) City of Buenos Aires", 19584),
    "Astrakhan Standard Time": ("(UTC+04:00) Astrakhan, Ulyanovsk", 25104),
    "Atlantic Standard Time": ("(UTC-04:00) Atlantic Time (Canada)", 34224),
    "AUS Central Standard Time": ("(UTC+09:30) Darwin", 47024),
    "Aus Central W. Standard Time": ("(UTC+08:45) Eucla", 44672),
    "AUS Eastern Standard Time": ("(UTC+10:00) Canberra, Melbourne, Sydney", 30368),
    "Azerbaijan Standard Time": ("(UTC+04:00) Baku", 11312),
    "Azores Standard Time": ("(UTC-01:00) Azores", 18832),
    "Bahia Standard Time": ("(UTC-03:00) Salvador", 50896),
    "Bangladesh Standard Time": ("(UTC+06:00) Dhaka", 48720),
    "Belarus Standard Time": ("(UTC+03:00) Minsk", 56576),
    "Bougainville Standard Time": ("(UTC+11:00) Bougainville Island", 51968),
    "Canada Central Standard Time": ("(UTC-06:00) Saskatchewan", 25712),
    "Cape Verde Standard Time": ("(UTC-01:00) Cabo Verde Is.", 2000),
    "Caucasus Standard Time": ("(UTC+04:00) Yerevan", 29872),
    "Cen. Australia Standard Time": ("(UTC+09:30) Adelaide", 38928),
    "Central America Standard Time": ("(UTC-06:00) Central America", 36656),
    "Central Asia Standard Time": ("(UTC+06:00) Astana", 8176),
    "Central Brazilian Standard Time": ("(UTC-04:00) Cuiaba", 56336),
    "Central Europe Standard Time": (
        "(UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague",
        4896,
    ),
    "Central European Standard Time": ("(UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb", 2976),
    "Central Pacific Standard Time": ("(UTC+11:00) Solomon Is., New Caledonia", 64416),
    "Central Standard Time": ("(UTC-06:00) Central Time (US & Canada)", 17456),
    "Central Standard Time (Mexico)": ("(UTC-06:00) Guadalajara, Mexico City, Monterrey", 32800),
    "Chatham Islands Standard Time": ("(UTC+12:45) Chatham Islands", 62304),
    "China Standard Time": ("(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi", 160),
    "Cuba Standard Time": ("(UTC-05:00) Havana", 17136),
    "Dateline Standard Time": ("(UTC-12:00) International Date Line West", 50384),
    "E. Africa Standard Time": ("(UTC+03:00) Nairobi", 62720),
    "E. Australia Standard Time": ("(UTC+10:00) Brisbane", 65264),
    "E. Europe Standard Time": ("(UTC+02:00) Chisinau", 32128),
    "E. South America Standard Time": ("(UTC-03:00) Brasilia", 64096),
    "Easter Island Standard Time": ("(UTC-06:00) Easter Island", 58592),
    "Eastern Standard Time": ("(UTC-05:00) Eastern Time (US & Canada)", 30800),
    "Eastern Standard Time (Mexico)": ("(UTC-05:00) Chetumal", 59536),
    "Egypt Standard Time": ("(UTC+02:00) Cairo", 59424),
    "Ekaterinburg Standard Time": ("(UTC+05:00) Ekaterinburg", 45952),
    "Fiji Standard Time": ("(UTC+12:00) Fiji", 25680),
    "FLE Standard Time": ("(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius", 63264),
    "Georgian Standard Time": ("(UTC+04:00) Tbilisi", 416),
    "GMT Standard Time": ("(UTC+00:00) Dublin, Edinburgh, Lisbon, London", 7408),
    "Greenland Standard Time": ("(UTC-03:00) Greenland", 58096),
    "Greenwich Standard Time": ("(UTC+00:00) Monrovia, Reykjavik", 47168),
    "GTB Standard Time": ("(UTC+02:00) Athens, Bucharest", 24192),
    "Haiti Standard Time": ("(UTC-05:00) Haiti", 2896),
    "Hawaiian Standard Time": ("(UTC-10:00) Hawaii", 53376),
    "India Standard Time": ("(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi", 22400),
    "Iran Standard Time": ("(UTC+03:30) Tehran", 5568),
    "Israel Standard Time": ("(UTC+02:00) Jerusalem", 47968),
    "Jordan Standard Time": ("(UTC+02:00) Amman", 17232),
    "Kaliningrad Standard Time": ("(UTC+02:00) Kaliningrad", 14720),
    "Korea Standard Time": ("(UTC+09:00) Seoul", 62048),
    "Libya Standard Time": ("(UTC+02:00) Tripoli", 50768),
    "Line Islands Standard Time": ("(UTC+14:00) Kiritimati Island", 16768),
    "Lord Howe Standard Time": ("(UTC+10:30) Lord Howe Island", 8656),
    "Magadan Standard Time": ("(UTC+11:00) Magadan", 8832),
    "Magallanes Standard Time": ("(UTC-03:00) Punta Arenas", 13120),
    "Marquesas Standard Time": ("(UTC-09:30) Marquesas Islands", 20736),
    "Mauritius Standard Time": ("(UTC+04:00) Port Louis", 60896),
    "Middle East Standard Time": ("(UTC+02:00) Beirut", 15968),
    "Montevideo Standard Time": ("(UTC-03:00) Montevideo", 27968),
    "Morocco Standard Time": ("(UTC+01:00) Casablanca", 2992),
    "Mountain Standard Time": ("(UTC-07:00) Mountain Time (US & Canada)", 34352),
    "Mountain Standard Time (Mexico)": ("(UTC-07:00) Chihuahua, La Paz, Mazatlan", 7248),
    "Myanmar Standard Time": ("(UTC+06:30) Yangon (Rangoon)", 21104),
    "N. Central Asia Standard Time": ("(UTC+07:00) Novosibirsk", 30704),
    "Namibia Standard Time": ("(UTC+02:00) Windhoek", 6208),
    "Nepal Standard Time": ("(UTC+05:45) Kathmandu", 1216),
    "New Zealand Standard Time": ("(UTC+12:00) Auckland, Wellington", 54896),
    "Newfoundland Standard Time": ("(UTC-03:30) Newfoundland", 9504),
    "Norfolk Standard Time": ("(UTC+11:00) Norfolk Island", 47440),
    "North Asia East Standard Time": ("(UTC+08:00) Irkutsk", 19056),
    "North Asia Standard Time": ("(UTC+07:00) Krasnoyarsk", 304),
    "North Korea Standard Time": ("(UTC+09:00) Pyongyang", 35888),
    "Omsk Standard Time": ("(UTC+06:00) Omsk", 55952),
    "Pacific SA Standard Time": ("(UTC-04:00) Santiago", 65008),
    "Pacific Standard Time": ("(UTC-08:00) Pacific Time (US & Canada)", 11232),
    "Pacific Standard Time (Mexico)": ("(UTC-08:00) Baja California", 15584),
    "Pakistan Standard Time": ("(UTC+05:00) Islamabad, Karachi", 28752),
    "Paraguay Standard Time": ("(UTC-04:00) Asuncion", 50224),
    "Qyzylorda Standard Time": ("(UTC+05:00) Qyzylorda", 53760),
    "Romance Standard Time": ("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", 45104),
    "Russia Time Zone 10": ("(UTC+11:00) Chokurdakh", 59264),
    "Russia Time Zone 11": ("(UTC+12:00) Anadyr, Petropavlovsk-Kamchatsky", 46000),
    "Russia Time Zone 3": ("(UTC+04:00) Izhevsk, Samara", 17920),
    "Russian Standard Time": ("(UTC+03:00) Moscow, St. Petersburg", 44560),
    "SA Eastern Standard Time": ("(UTC-03:00) Cayenne, Fortaleza", 40656),
    "SA Pacific Standard Time": ("(UTC-05:00) Bogota, Lima, Quito, Rio Branco", 49424),
    "SA Western Standard Time": ("(UTC-04:00) Georgetown, La Paz, Manaus, San Juan", 57120),
    "Saint Pierre Standard Time": ("(UTC-03:00) Saint Pierre and Miquelon", 5584),
    "Sakhalin Standard Time": ("(UTC+11:00) Sakhalin", 35104),
    "Samoa Standard Time": ("(UTC+13:00) Samoa", 14592),
    "Sao Tome Standard Time": ("(UTC+00:00) Sao Tome", 5984),
    "Saratov Standard Time": ("(UTC+04:00) Saratov", 33808),
    "SE Asia Standard Time": ("(UTC+07:00) Bangkok, Hanoi, Jakarta", 53728),
    "Singapore Standard Time": ("(UTC+08:00) Kuala Lumpur, Singapore", 61840),
    "South Africa Standard Time": ("(UTC+02:00) Harare, Pretoria", 38896),
    "South Sudan Standard Time": ("(UTC+02:00) Juba", 7664),
    "Sri Lanka Standard Time": ("(UTC+05:30) Sri Jayawardenepura", 39408),
    "Sudan Standard Time": ("(UTC+02:00) Khartoum", 9792),
    "Syria Standard Time": ("(UTC+02:00) Damascus", 46576),
    "Taipei Standard Time": ("(UTC+08:00) Taipei", 26432),
    "Tasmania Standard Time": ("(UTC+10:00) Hobart", 36016),
    "Tocantins Standard Time": ("(UTC-03:00) Araguaina", 43072),
    "Tokyo Standard Time": ("(UTC+09:00) Osaka, Sapporo, Tokyo", 16240),
    "Tomsk Standard Time": ("(UTC+07:00) Tomsk", 29136),
    "Tonga Standard Time": ("(UTC+13:00) Nuku'alofa", 7216),
    "Transbaikal Standard Time": ("(UTC+09:00) Chita", 31472),
    "Turkey Standard Time": ("(UTC+03:00) Istanbul", 24848),
    "Turks And Caicos Standard Time": ("(UTC-05:00) Turks and Caicos", 20560),
    "Ulaanbaatar Standard Time": ("(UTC+08:00) Ulaanbaatar", 47200),
    "US Eastern Standard Time": ("(UTC-05:00) Indiana (East)", 34928),
    "US Mountain Standard Time": ("(UTC-07:00) Arizona", 37472),
    "UTC": ("(UTC) Coordinated Universal Time", 22000),
    "UTC+12": ("(UTC+12:00) Coordinated Universal Time+12", 1200),
    "UTC+13": ("(UTC+13:00) Coordinated Universal Time+13", 8784),
    "UTC-02": ("(UTC-02:00) Coordinated Universal Time-02", 37328),
    "UTC-08": ("(UTC-08:00) Coordinated Universal Time-08", 3344),
    "UTC-09": ("(UTC-09:00) Coordinated Universal Time-09", 39152),
    "UTC-11": ("(UTC-11:00) Coordinated Universal Time-11", 19408),
    "Venezuela Standard Time": ("(UTC-04:00) Caracas", 51472),
    "Vladivostok Standard Time": ("(UTC+10:00) Vladivostok", 61376),
    "Volgograd Standard Time": ("(UTC+04:00) Volgograd", 18048),
    "W. Australia Standard Time": ("(UTC+08:00) Perth", 65376),
    "W. Central Africa Standard Time": ("(UTC+01:00) West Central Africa", 64976),
    "W. Europe Standard Time": (
        "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
        27696,
    ),
    "W. Mongolia Standard Time": ("(UTC+07:00) Hovd", 53952),
    "West Asia Standard Time": ("(UTC+05:00) Ashgabat, Tashkent", 49664),
    "West Bank Standard Time": ("(UTC+02:00) Gaza, Hebron", 46160),
    "West Pacific Standard Time": ("(UTC+10:00) Guam, Port Moresby", 10224),
    "Yakutsk Standard Time": ("(UTC+09:00) Yakutsk", 40576),
    "Yukon Standard Time": ("(UTC-07:00) Yukon", 26288),
}
"""Windows key -> (display name, tzres.dll id of its standard name).

A zone's standard name is its key (but for ``STANDARD_NAMES``), its daylight name that with
"Standard" made "Daylight". The daylight name's string id is the standard name's + 1, the
display name's + 2 (the ids Wine's registry cites in ``MUI_Std``, ``MUI_Dlt``, ``MUI_Display``).
"""

STANDARD_NAMES: dict[str, str] = {"UTC": "Coordinated Universal Time"}
"""The zones whose standard name is not their key."""


def zone_names(key: str) -> tuple[str, str, str]:
    """The display, standard and daylight names of zone ``key``."""
    standard = STANDARD_NAMES.get(key, key)
    return NAMES[key][0], standard, standard.replace("Standard", "Daylight")

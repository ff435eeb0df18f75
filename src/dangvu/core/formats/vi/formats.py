"""Dates as dangvu shows them everywhere, on pages, in fields and in the admin: 3/12/2026,
no leading zeros (Django's Vietnamese formats say 03-12-2026 and "Ngày 03 tháng 12 năm
2026"). Everything not set here comes from Django's Vietnamese formats."""

DATE_FORMAT = "j/n/Y"
SHORT_DATE_FORMAT = "j/n/Y"
DATETIME_FORMAT = "j/n/Y H:i"
SHORT_DATETIME_FORMAT = "j/n/Y H:i"
MONTH_DAY_FORMAT = "j/n"
YEAR_MONTH_FORMAT = "n/Y"
# What a field accepts: 3/12/2026 and 03/12/2026 alike, also with - or ., and ISO dates.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"]

"""The `dangvu` console command: Django's management commands with our settings.

`dangvu extract FILE.txt` does not need Django: it runs `dangvu.documents.extract_file`
directly, so that it starts in well under 0.3 s (Django's setup alone takes ~1 s).
"""

import os
import sys


def main() -> None:
    if sys.argv[1:2] == ["extract"]:
        from dangvu.documents.extract_file import fast_path_applies
        from dangvu.documents.extract_file import main as extract_main

        if fast_path_applies(sys.argv[2:]):
            sys.exit(extract_main(sys.argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

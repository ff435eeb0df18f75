from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "dangvu.core"
    verbose_name = "Hệ thống"

    def ready(self) -> None:
        # Django's Vietnamese catalogue leaves this message untranslated, and every text
        # field of every form carries the validator: a NUL byte got an English error.
        from django.core.validators import ProhibitNullCharactersValidator

        ProhibitNullCharactersValidator.message = (
            "Nội dung có ký tự rỗng (NUL), thường do sao chép từ tệp hỏng: hãy xóa ký tự đó "
            "và nhập lại."
        )

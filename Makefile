# The two commands of the README. Everything else is a helper of theirs.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1:8000

.PHONY: demo test install lint browser serve clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

demo: install
	$(BIN)/dangvu migrate --noinput
	$(BIN)/dangvu demo-data --scale demo
	@echo ""
	@echo "Mở http://$(HOST)/ và đăng nhập bằng một tài khoản ở trên."
	DANGVU_DEBUG=1 $(BIN)/dangvu runserver $(HOST)

browser:
	@bash scripts/ensure-chromium
	@bash scripts/ensure-libreoffice

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/dangvu makemigrations --check --dry-run
	$(BIN)/mypy

test: install browser lint
	$(BIN)/pytest

# dangvu's Vietnamese catalogue (what Django and django-axes leave in English).
messages:
	msgfmt --check-format -o src/dangvu/core/locale/vi/LC_MESSAGES/django.mo \
		src/dangvu/core/locale/vi/LC_MESSAGES/django.po

# The production setup on this machine: gunicorn with several workers, WhiteNoise static files.
serve: install
	$(BIN)/dangvu migrate --noinput
	$(BIN)/dangvu serve --bind $(HOST)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

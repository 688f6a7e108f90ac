# The production image: the portal under gunicorn, static files collected and served by WhiteNoise.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=coeurdeville.settings.production \
    VAR_DIR=/var/lib/coeurdeville

RUN useradd --system --home-dir /app --shell /usr/sbin/nologin coeurdeville
WORKDIR /app
COPY pyproject.toml README.md ./
COPY site ./site
COPY cms ./cms
COPY community ./community
COPY search ./search
COPY newsletter ./newsletter
COPY manage.py ./
RUN pip install -e . \
    && mkdir -p "$VAR_DIR" \
    && SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput \
    && chown -R coeurdeville "$VAR_DIR"

USER coeurdeville
EXPOSE 8000
CMD ["gunicorn", "coeurdeville.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]

#!/bin/sh
# Renders the broker's definitions with the users from the environment, then starts RabbitMQ.
# The passwords must not contain a double quote or a backslash (they are written into JSON as they are).
set -eu
for name in RABBITMQ_USER RABBITMQ_PASSWORD RABBITMQ_ADMIN_USER RABBITMQ_ADMIN_PASSWORD; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "render-definitions: $name is not set (see .env.example)" >&2
    exit 2
  fi
  case "$value" in
    *\"* | *\\*) echo "render-definitions: $name must not contain a double quote or a backslash" >&2; exit 2 ;;
  esac
done
escape() { printf '%s' "$1" | sed -e 's/[&|]/\\&/g'; }
sed -e "s|__RABBITMQ_USER__|$(escape "$RABBITMQ_USER")|g" \
    -e "s|__RABBITMQ_PASSWORD__|$(escape "$RABBITMQ_PASSWORD")|g" \
    -e "s|__RABBITMQ_ADMIN_USER__|$(escape "$RABBITMQ_ADMIN_USER")|g" \
    -e "s|__RABBITMQ_ADMIN_PASSWORD__|$(escape "$RABBITMQ_ADMIN_PASSWORD")|g" \
    /etc/newsingest/definitions.template.json > /tmp/newsingest-definitions.json
chmod 600 /tmp/newsingest-definitions.json
exec docker-entrypoint.sh rabbitmq-server

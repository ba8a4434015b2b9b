"""Dumps Tempest's response schemas as JSON, each picked the way Tempest's own client picks it.

Usage: /usr/bin/python3 tempest_schemas.py compute/servers_client:ServersClient:get_server@2.37 ...
Prints {"<argument>": {"status_code": [...], "response_body": {...}}, ...}.

Facts only: Tempest (Debian python3-tempest) is imported, never copied.
"""
import importlib
import json
import sys


def version_tuple(text):
    return tuple(int(part) for part in text.split('.'))


def schema_module(client_class, version):
    """The schema module Tempest's client uses for this microversion."""
    infos = getattr(client_class, 'schema_versions_info', None)
    if infos:
        wanted = version_tuple(version)
        for info in infos:
            low, high = info['min'], info['max']
            if (low is None or wanted >= version_tuple(low)) and (high is None or wanted <= version_tuple(high)):
                return info['schema']
        raise LookupError(f'{client_class.__name__} has no schema for {version}')
    module = sys.modules[client_class.__module__]
    for name in ('schema', 'availability_zone', 'versions'):
        if hasattr(module, name):
            return getattr(module, name)
    raise LookupError(f'cannot find the schema module of {client_class.__name__}')


def main(arguments):
    result = {}
    for argument in arguments:
        target, version = argument.split('@')
        client_path, class_name, attribute = target.split(':')
        module = importlib.import_module(f'tempest.lib.services.{client_path.replace("/", ".")}')
        schema = getattr(schema_module(getattr(module, class_name), version), attribute)
        result[argument] = schema
    json.dump(result, sys.stdout)


if __name__ == '__main__':
    main(sys.argv[1:])

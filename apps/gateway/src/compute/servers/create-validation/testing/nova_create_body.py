"""Nova's own verdict on server-create bodies, for podgate's differential spec.

Facts only: Debian's python3-nova is imported, never copied.

Usage:
  /usr/bin/python3 nova_create_body.py schemas 2.1 2.19 ...   -> {"2.1": <schema>, ...}
  /usr/bin/python3 nova_create_body.py verdicts < cases.json  -> [{"verdict": "400"|"pass", "message"?}]
where cases.json is [{"version": "2.37", "body": {...}}, ...].

`schemas` prints the schema ServersController.create validates with at each version (read from its
@validation.schema decorators), with Nova's generated description regex named by podgate's
placeholder. `verdicts` runs ServersController.create itself on each body, with the plain create
policy granted, up to where Nova first needs its cloud or another policy: a ValidationError or
HTTPBadRequest before that is Nova's 400, reaching it is a pass.
"""
import json
import sys
import types
import warnings

warnings.simplefilter('ignore')

import webob.exc  # noqa: E402
from nova import exception  # noqa: E402
from nova.api.openstack import api_version_request  # noqa: E402
from nova.api.openstack.compute import servers  # noqa: E402
from nova.api.validation import parameter_types  # noqa: E402
from nova.api.validation import validators  # noqa: E402
from nova.compute import api as compute_api  # noqa: E402
import nova.conf  # noqa: E402

# Nova reads a few options on the way (personality, password length): defaults, no config file.
nova.conf.CONF([], project='nova', default_config_files=[])

_build_validator = validators._SchemaValidator
_validators = {}


def _cached_validator(schema, relax_additional_properties=False, is_body=True):
    """Nova builds a validator class per request; the verdict is the same from a cached one, and
    a hundred thousand bodies are checked in seconds instead of minutes."""
    key = (id(schema), relax_additional_properties, is_body)
    if key not in _validators:
        _validators[key] = _build_validator(schema, relax_additional_properties, is_body)
    return _validators[key]


validators._SchemaValidator = _cached_validator

DESCRIPTION_PLACEHOLDER = '^[<Nova printable characters>]*$'


def schema_ranges():
    func = servers.ServersController.create
    while func is not None:
        cells = dict(zip(func.__code__.co_freevars,
                         [cell.cell_contents for cell in func.__closure__ or []]))
        if 'request_body_schema' in cells:
            yield cells['min_version'], cells['max_version'], cells['request_body_schema']
        func = getattr(func, '__wrapped__', None)


def schema_for(version):
    wanted = api_version_request.APIVersionRequest(version)
    for low, high, schema in schema_ranges():
        if wanted.matches(api_version_request.APIVersionRequest(low),
                          api_version_request.APIVersionRequest(high)):
            return schema
    raise LookupError(version)


def named_patterns(value):
    if isinstance(value, dict):
        return {key: named_patterns(item) for key, item in value.items()}
    if isinstance(value, list):
        return [named_patterns(item) for item in value]
    if value == parameter_types.valid_description_regex:
        return DESCRIPTION_PLACEHOLDER
    return value


class ReachedPolicy(webob.exc.HTTPConflict):
    """Raised at the first policy check; a 409 so create's expected_errors lets it through."""


class Context:
    project_id = 'project'
    user_id = 'user'

    def can(self, rule, *args, **kwargs):
        # The plain create rule lets the request on to the availability zone's parsing.
        if rule != 'os_compute_api:servers:create':
            raise ReachedPolicy()


class Request:
    def __init__(self, version):
        self.api_version_request = api_version_request.APIVersionRequest(version)
        self.environ = {'nova.context': Context()}

    def is_legacy_v2(self):
        return False


def stop(*args, **kwargs):
    raise ReachedPolicy()


def controller_up_to_the_cloud():
    """ServersController without its services: it stops where Nova starts asking its cloud."""
    controller = servers.ServersController.__new__(servers.ServersController)
    controller.compute_api = types.SimpleNamespace(
        parse_availability_zone=compute_api.API.parse_availability_zone)
    controller._validate_host_availability_zone = stop
    controller._process_hosts_for_create = stop
    controller._process_bdms_for_create = stop
    return controller


def verdict(controller, case):
    try:
        controller.create(Request(case['version']), body=case['body'])
    except ReachedPolicy:
        return {'verdict': 'pass'}
    except exception.ValidationError as error:
        return {'verdict': '400', 'message': error.format_message()}
    except webob.exc.HTTPBadRequest as error:
        return {'verdict': '400', 'message': error.explanation}
    except Exception as error:  # Nova itself would answer 500
        return {'verdict': 'error', 'message': '%s: %s' % (type(error).__name__, error)}
    return {'verdict': 'unexpected: create returned'}


def main(argv):
    if argv[1] == 'schemas':
        json.dump({version: named_patterns(schema_for(version)) for version in argv[2:]}, sys.stdout)
    elif argv[1] == 'verdicts':
        controller = controller_up_to_the_cloud()
        json.dump([verdict(controller, case) for case in json.load(sys.stdin)], sys.stdout)
    else:
        raise SystemExit(__doc__)


if __name__ == '__main__':
    main(sys.argv)

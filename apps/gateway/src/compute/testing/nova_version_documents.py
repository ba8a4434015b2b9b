"""Nova's own version documents (python3-nova's views), for compute-versions.nova.system-spec.ts.

Usage: nova_version_documents.py <base URL of /compute>  ->  {"list": ..., "show": ...} on stdout.
"""
import json
import sys
import warnings

warnings.simplefilter('ignore')

from nova.api.openstack.compute import versions  # noqa: E402
from nova.api.openstack.compute.views import versions as views  # noqa: E402


class Request:
    def __init__(self, application_url):
        self.application_url = application_url


base = sys.argv[1].rstrip('/')
print(json.dumps({
    'list': views.get_view_builder(Request(base)).build_versions(versions.VERSIONS),
    'show': views.get_view_builder(Request(base + '/v2.1')).build_version(versions.VERSIONS['v2.1']),
}))

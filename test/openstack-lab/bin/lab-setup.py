#!/usr/bin/python3
"""One-time lab setup through the OpenStack APIs, idempotent.

  lab-setup.py catalog <pod numbers...>   service users, demo tenant, regions, endpoints
  lab-setup.py pod <n> <image file>        flavors, image "tiny", volume type "fake" in pod n

Admin credentials come from the OS_* environment. One process instead of dozens of
`openstack` calls (each costs ~2 s of Python start-up).
"""
import os
import sys

import openstack

HOST = "127.0.0.1"
KEYSTONE = f"http://{HOST}:5000/v3"
SERVICE_USERS = ["nova", "placement", "glance", "neutron", "cinder"]
# (name, type, base port, path)
SERVICES = [
    ("nova", "compute", 8774, "/v2.1"),
    ("placement", "placement", 8778, ""),
    ("glance", "image", 9292, ""),
    ("neutron", "network", 9696, ""),
    ("cinderv3", "volumev3", 8776, "/v3/%(project_id)s"),
    ("cinder", "block-storage", 8776, "/v3/%(project_id)s"),
]
FLAVORS = [("1", "m1.tiny", 512, 1, 1), ("2", "m1.small", 2048, 1, 20)]


def log(msg):
    print(f"[lab-setup] {msg}", flush=True)


def connect(region="RegionOne"):
    return openstack.connect(
        auth_url=os.environ["OS_AUTH_URL"], username=os.environ["OS_USERNAME"],
        password=os.environ["OS_PASSWORD"], project_name=os.environ["OS_PROJECT_NAME"],
        user_domain_name="Default", project_domain_name="Default",
        region_name=region, interface="public", identity_api_version="3",
        load_envvars=False, load_yaml_config=False)


# Lookups by listing with a name filter: find_*() first GETs the name as an id, and every
# such 404 leaves a traceback in keystone's log.
def first(items):
    return next(iter(items), None)


def ensure_role(idp, name):
    return first(idp.roles(name=name)) or idp.create_role(name=name)


def ensure_project(idp, name):
    return first(idp.projects(name=name, domain_id="default")) or idp.create_project(
        name=name, domain_id="default")


def ensure_user(idp, name, password, project):
    user = first(idp.users(name=name, domain_id="default"))
    if user is None:
        user = idp.create_user(name=name, password=password, domain_id="default",
                               default_project_id=project.id)
        log(f"user {name} created")
    return user


def grant(idp, project, user, role):
    idp.assign_project_role_to_user(project, user, role)


def catalog(pods):
    conn = connect()
    idp = conn.identity
    admin_role, member, reader = (ensure_role(idp, r) for r in ("admin", "member", "reader"))
    service_role = ensure_role(idp, "service")
    service = ensure_project(idp, "service")
    for name in SERVICE_USERS:
        user = ensure_user(idp, name, os.environ["LAB_SERVICE_PASS"], service)
        # cinder refuses an attachment delete without a service token (OSSA-2023-003):
        # nova's user must hold the "service" role.
        grant(idp, service, user, admin_role)
        grant(idp, service, user, service_role)
    demo = ensure_project(idp, "demo")
    demo_user = ensure_user(idp, "demo", os.environ["LAB_DEMO_PASS"], demo)
    grant(idp, demo, demo_user, member)
    grant(idp, demo, demo_user, reader)

    services = {}
    for name, stype, _, _ in SERVICES:
        found = [s for s in idp.services() if s.type == stype]
        services[stype] = found[0] if found else idp.create_service(
            name=name, type=stype, enabled=True)
    identity = [s for s in idp.services() if s.type == "identity"][0]
    existing = {(e.service_id, e.interface, e.region_id) for e in idp.endpoints()}

    def endpoint(service_id, region, url):
        for iface in ("public", "internal", "admin"):
            if (service_id, iface, region) not in existing:
                idp.create_endpoint(service_id=service_id, interface=iface,
                                    region_id=region, url=url, enabled=True)

    for pod in pods:
        region = f"Pod{pod}"
        if region not in {r.id for r in idp.regions()}:
            idp.create_region(id=region, description=f"podgate lab pod {pod}")
        # Identity in every region: clients and services look it up in their own region.
        endpoint(identity.id, region, KEYSTONE)
        delta = (int(pod) - 1) * 10000
        for _, stype, port, path in SERVICES:
            endpoint(services[stype].id, region, f"http://{HOST}:{port + delta}{path}")
        log(f"region {region}: endpoints registered")


def pod_resources(pod, image_file):
    region = f"Pod{pod}"
    conn = connect(region)
    for fid, name, ram, vcpus, disk in FLAVORS:
        if conn.compute.find_flavor(name) is None:
            conn.compute.create_flavor(id=fid, name=name, ram=ram, vcpus=vcpus, disk=disk,
                                       is_public=True)
            log(f"{region}: flavor {name} (id {fid}) created")
    if conn.image.find_image("tiny") is None:
        conn.create_image("tiny", filename=image_file, disk_format="raw",
                          container_format="bare", visibility="public", wait=True)
        log(f"{region}: image tiny created")
    if conn.block_storage.find_type("fake") is None:
        conn.block_storage.create_type(name="fake", is_public=True,
                                       extra_specs={"volume_backend_name": "fake"})
        log(f"{region}: volume type fake created")


def main(argv):
    if len(argv) >= 2 and argv[0] == "catalog":
        catalog(argv[1:])
    elif len(argv) == 3 and argv[0] == "pod":
        pod_resources(argv[1], argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/python3
"""Heartbeat-only fake "Open vSwitch agent" for one host.

ML2/openvswitch binds a port only to a host with a live OVS agent. This reports such an
agent for $FAKE_L2_HOST every 20 s over neutron's own state-report RPC and does nothing
else: no bridges, no flows, ports stay DOWN. Usage:
  FAKE_L2_HOST=pod1-compute1 fake-l2-agent.py --config-file <neutron.conf>
"""
import os
import sys
import time

from neutron.agent import rpc as agent_rpc
from neutron.api.rpc.callbacks import resources
from neutron.common import config as common_config
from neutron.conf.agent import common as agent_config
from neutron_lib.agent import topics
from neutron_lib import context
from oslo_config import cfg
from oslo_log import log as logging

INTERVAL = 20
LOG = logging.getLogger("fake-l2-agent")


def agent_state(host):
    return {
        "binary": "neutron-openvswitch-agent",
        "host": host,
        "topic": "N/A",
        "agent_type": "Open vSwitch agent",
        "start_flag": True,
        "resource_versions": resources.LOCAL_RESOURCE_VERSIONS,
        "configurations": {
            "bridge_mappings": {},
            "tunnel_types": ["vxlan"],
            "tunneling_ip": "127.0.0.1",
            "integration_bridge": "br-int",
            "l2_population": False,
            "arp_responder_enabled": False,
            "enable_distributed_routing": False,
            "datapath_type": "system",
            "ovs_hybrid_plug": False,
            "ovs_capabilities": {"datapath_types": ["system"], "iface_types": ["internal"]},
            "extensions": [],
        },
    }


def main():
    host = os.environ["FAKE_L2_HOST"]
    common_config.register_common_config_options()  # also sets control_exchange=neutron
    agent_config.register_agent_state_opts_helper(cfg.CONF)
    common_config.init(sys.argv[1:])
    common_config.setup_logging()
    api = agent_rpc.PluginReportStateAPI(topics.REPORTS)
    ctx = context.get_admin_context_without_session()
    state = agent_state(host)
    while True:
        try:
            # call (not cast) for the first report: we learn whether the server got it
            api.report_state(ctx, state, use_call=state.get("start_flag", False))
            if state.pop("start_flag", None):
                LOG.info("registered Open vSwitch agent for host %s", host)
        except Exception as exc:  # server restarting, rabbit busy: try again next round
            LOG.warning("state report failed: %s", exc)
        time.sleep(INTERVAL)


if __name__ == "__main__":
    main()

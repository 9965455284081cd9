#!/usr/bin/env python3
"""pass_persist agent for snmpd: a static Baicells gNB under 1.3.6.1.4.1.53058, in one of the two OID
layouts of shared/research/ran-core.md section 1 (argument "qrtb" or "rts").

Protocol (snmpd.conf(5), pass_persist): PING -> PONG; "get\n<oid>\n" / "getnext\n<oid>\n" ->
"<oid>\n<type>\n<value>\n" or "NONE\n"; "set" -> "not-writable". Static values, so the exporter,
snmpget and snmp_exporter can be compared value for value.
"""
import os
import sys

# passpersist.py sits next to this file in the test output, and in tests/Safe6G.Testing/snmp in the repository.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "..", "Safe6G.Testing", "snmp")]
from passpersist import serve  # noqa: E402

BASE = (1, 3, 6, 1, 4, 1, 53058)
LAYOUT = sys.argv[1] if len(sys.argv) > 1 else "qrtb"


def o(*arcs):
    return BASE + tuple(arcs)


DATA = {
    o(100, 1, 0): ("string", "mBS31001"),
    o(100, 2, 0): ("string", "A01"),
    o(100, 3, 0): ("string", "BaiBS_QRTB_2.9.10" if LAYOUT == "qrtb" else "BaiBS_RTS_3.6.6"),
    o(100, 4, 0): ("string", "1202000811189CP0001"),
    o(100, 5, 0): ("string", "Active"),
    o(100, 6, 0): ("integer", "48"),
    o(100, 7, 0): ("integer", "100"),
    o(100, 15, 0): ("integer", "7"),
    o(100, 21, 0): ("integer", "1"),
    o(140, 100, 6, 0): ("integer", "-3"),
    # quotes and a backslash: label escaping must survive the whole path to Prometheus
    o(140, 100, 7, 0): ("string", "gNB Lab \"north\" \\ sector"),
    o(150, 1, 0): ("integer", "37"),
    o(150, 2, 0): ("integer", "12"),
    o(160, 1, 0): ("integer", "1"),
    o(160, 2, 11112, 0): ("integer", "0"),
    o(160, 2, 11184, 0): ("integer", "1"),
    o(190, 3, 0): ("integer", "98"),
    o(190, 4, 0): ("integer", "97"),
    o(190, 5, 0): ("integer", "96"),
    o(190, 6, 0): ("integer", "99"),
}
CELLS = {1: dict(earfcn=55640, ues=17, pci=101, cid=1001, ul=12345, dl=54321, ulprb=42, dlprb=63, rf=1),
         2: dict(earfcn=55840, ues=4, pci=102, cid=1002, ul=678, dl=876, ulprb=7, dlprb=5, rf=0)}
if LAYOUT == "qrtb":
    for c, v in CELLS.items():
        DATA[o(100, 8, c, 0)] = ("integer", str(v["earfcn"]))
        DATA[o(100, 11, c, 0)] = ("integer", str(v["ues"]))
        DATA[o(100, 12, c, 0)] = ("integer", str(v["pci"]))
        DATA[o(100, 13, c, 0)] = ("integer", str(v["cid"]))
        DATA[o(190, 7, c, 0)] = ("integer", str(v["ul"]))
        DATA[o(190, 8, c, 0)] = ("integer", str(v["dl"]))
        DATA[o(190, 9, c, 0)] = ("integer", str(v["ulprb"]))
        DATA[o(190, 10, c, 0)] = ("integer", str(v["dlprb"]))
        DATA[o(270, 1, c, 0)] = ("integer", str(v["rf"]))
else:
    DATA[o(100, 8, 0)] = ("integer", "1300")
    DATA[o(100, 11, 0)] = ("integer", "9")
    DATA[o(100, 12, 0)] = ("integer", "301")
    DATA[o(100, 13, 0)] = ("integer", "3001")
    DATA[o(270, 1, 0)] = ("integer", "1")
    for c, v in CELLS.items():
        DATA[o(190, 7, c)] = ("integer", str(v["ul"]))
        DATA[o(190, 8, c)] = ("integer", str(v["dl"]))
        DATA[o(190, 9, c)] = ("integer", str(v["ulprb"]))
        DATA[o(190, 10, c)] = ("integer", str(v["dlprb"]))

if __name__ == "__main__":
    serve(DATA)

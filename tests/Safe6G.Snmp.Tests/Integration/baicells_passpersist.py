#!/usr/bin/env python3
"""pass_persist agent for snmpd: a small, static Baicells-like subtree under 1.3.6.1.4.1.53058.

Protocol (snmpd.conf(5), pass_persist): PING -> PONG; "get\n<oid>\n" and "getnext\n<oid>\n" ->
"<oid>\n<type>\n<value>\n" or "NONE\n"; "set" -> "not-writable". Values are static so that our
client and the net-snmp tools can be compared value for value.

Optional argument: number of rows of the bench table under .53058.900.1.1.<col>.<row> (default 0).
"""
import os
import sys

# passpersist.py sits next to this file in the test output, and in tests/Safe6G.Testing/snmp in the repository.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "..", "Safe6G.Testing", "snmp")]
from passpersist import serve  # noqa: E402

BASE = (1, 3, 6, 1, 4, 1, 53058)


def o(*arcs):
    return BASE + tuple(arcs)


DATA = {
    # basicSetting scalars (BAICELLS-MIB .100.x, QRTB layout)
    o(100, 1, 0): ("string", "mBS31001"),
    o(100, 2, 0): ("string", "A01"),
    o(100, 3, 0): ("string", "BaiBS_QRTB_2.9.10"),
    o(100, 4, 0): ("string", "1202000811189CP0001"),
    o(100, 5, 0): ("string", "Active"),
    o(100, 6, 0): ("integer", "48"),
    o(100, 7, 0): ("integer", "100"),
    o(100, 8, 1, 0): ("integer", "55640"),
    o(100, 8, 2, 0): ("integer", "55840"),
    o(100, 11, 1, 0): ("integer", "17"),
    o(100, 11, 2, 0): ("integer", "4"),
    o(100, 12, 1, 0): ("integer", "101"),
    o(100, 12, 2, 0): ("integer", "102"),
    o(100, 15, 0): ("integer", "1"),
    o(100, 21, 0): ("integer", "1"),
    o(120, 1, 0): ("string", "48:bf:74:00:12:34"),
    o(140, 100, 6, 0): ("integer", "-3"),
    o(140, 100, 7, 0): ("string", "gNB Lab \"north\" \\ sector"),
    # every SMI type once (type coverage)
    o(200, 1, 0): ("gauge", "4294967295"),
    o(200, 2, 0): ("counter", "4294967295"),
    o(200, 3, 0): ("counter64", "18446744073709551615"),
    o(200, 4, 0): ("counter64", "8589952592"),
    o(200, 5, 0): ("timeticks", "123456789"),
    o(200, 6, 0): ("ipaddress", "10.20.30.40"),
    o(200, 7, 0): ("objectid", ".1.3.6.1.4.1.53058.100.1"),
    o(200, 8, 0): ("integer", "-2147483648"),
    o(200, 9, 0): ("integer", "2147483647"),
    o(200, 10, 0): ("string", ""),
    o(200, 11, 0): ("octet", "00 ff 80 7f 0a"),
    o(200, 12, 0): ("gauge", "0"),
}

# a small per-cell table: .300.1.1.<col>.<row>; col 1 index, 2 name, 3 gauge (UEs), 4 counter (PRB use), 5 counter64
for row, (name, ues, prb, octets) in enumerate(
        [("cell-1", 17, 1023, 2 ** 40 + 5), ("cell-2", 4, 2047, 7), ("cell-3", 0, 0, 2 ** 63)], start=1):
    DATA[o(300, 1, 1, 1, row)] = ("integer", str(row))
    DATA[o(300, 1, 1, 2, row)] = ("string", name)
    DATA[o(300, 1, 1, 3, row)] = ("gauge", str(ues))
    DATA[o(300, 1, 1, 4, row)] = ("counter", str(prb))
    DATA[o(300, 1, 1, 5, row)] = ("counter64", str(octets))

if len(sys.argv) > 1:
    rows = int(sys.argv[1])
    for row in range(1, rows + 1):
        DATA[o(900, 1, 1, 1, row)] = ("integer", str(row))
        DATA[o(900, 1, 1, 2, row)] = ("string", "ue-%05d" % row)
        DATA[o(900, 1, 1, 3, row)] = ("gauge", str((row * 7919) % 100000))
        DATA[o(900, 1, 1, 4, row)] = ("counter64", str(row * 1000003))

if __name__ == "__main__":
    serve(DATA)

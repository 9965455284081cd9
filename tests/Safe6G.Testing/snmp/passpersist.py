"""The snmpd pass_persist protocol (snmpd.conf(5)) over a static table, shared by the test agents.

PING -> PONG; "get\n<oid>\n" and "getnext\n<oid>\n" -> "<oid>\n<type>\n<value>\n" or "NONE\n";
"set" -> "not-writable". DATA maps OID tuples to (type, value) strings in pass_persist's type names.
"""
import sys


def parse(text):
    text = text.strip().lstrip(".")
    return tuple(int(a) for a in text.split(".")) if text else ()


def serve(data, stdin=sys.stdin, out=sys.stdout):
    """Answers snmpd until stdin closes."""
    keys = sorted(data)

    def answer(oid):
        typ, val = data[oid]
        return "%s\n%s\n%s\n" % ("." + ".".join(str(a) for a in oid), typ, val)

    def getnext(oid):
        # binary search for the first key strictly greater than oid
        lo, hi = 0, len(keys)
        while lo < hi:
            mid = (lo + hi) // 2
            if keys[mid] <= oid:
                lo = mid + 1
            else:
                hi = mid
        return keys[lo] if lo < len(keys) else None

    while True:
        line = stdin.readline()
        if not line:
            return
        cmd = line.strip().lower()
        if cmd == "ping":
            out.write("PONG\n")
        elif cmd == "get":
            oid = parse(stdin.readline())
            out.write(answer(oid) if oid in data else "NONE\n")
        elif cmd == "getnext":
            nxt = getnext(parse(stdin.readline()))
            out.write(answer(nxt) if nxt is not None else "NONE\n")
        elif cmd == "set":
            stdin.readline()
            stdin.readline()
            out.write("not-writable\n")
        elif cmd == "":
            continue
        else:
            out.write("NONE\n")
        out.flush()

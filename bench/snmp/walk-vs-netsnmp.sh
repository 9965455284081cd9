#!/usr/bin/env bash
# Side by side: bulk walk of a 1,000-row table (4,000 varbinds) on one real snmpd, with
# Safe6G.Snmp and with net-snmp's snmpbulkwalk (same max-repetitions), v2c and v3.
# The snmpd (temp dir, free UDP port, pass_persist table) is started and killed by the test
# fixture (tests/Safe6G.Snmp.Tests/Integration/SnmpdFixture.cs). Needs: snmpd, snmp, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet test tests/Safe6G.Snmp.Tests -c Release --filter "Category=Bench" \
  --logger "console;verbosity=detailed" 2>&1 | tee /tmp/safe6g-snmp-bench.log | grep -E '^\s*BENCH|Passed!|Failed!' || true
grep -q 'Failed!' /tmp/safe6g-snmp-bench.log && exit 1 || exit 0

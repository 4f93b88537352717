# The Python original's way: one requests.get with the MAX headers. Reports its own CPU time and
# peak RSS to BENCH_PROBE_FILE, as src/probe.cjs does for Node processes.
import json
import os
import resource
import sys
from urllib.parse import quote

import requests

username = os.environ["MAX_USERNAME"]
path = sys.argv[1] if len(sys.argv) > 1 else "/people/" + quote(username, safe="")
response = requests.get(
    os.environ["MAX_SERVER"] + path,
    headers={
        "X-Oauth-Token": os.environ["MAX_TOKEN"],
        "X-Oauth-Username": username,
        "X-Oauth-Scope": "widgetcli",
    },
)
print(json.dumps(response.json(), indent=2))
probe = os.environ.get("BENCH_PROBE_FILE")
if probe:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(probe, "w") as out:
        json.dump({"cpuUs": (usage.ru_utime + usage.ru_stime) * 1e6, "rssMb": usage.ru_maxrss / 1024}, out)
sys.exit(0 if response.status_code == 200 else 1)

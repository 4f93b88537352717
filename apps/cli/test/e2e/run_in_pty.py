"""Runs a command in a pseudo-terminal, answering prompts: run_in_pty.py STEPS_JSON CMD ARGS...

STEPS_JSON is a list of {"expect": text, "send": text}. Prints the terminal output; exits with the
command's exit code (128+signal when killed), or 99 when an expected prompt never came.
"""
import json
import os
import pty
import select
import sys
import time

steps = json.loads(sys.argv[1])
argv = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)

output = b""


def read_some(timeout):
    global output
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return False
    try:
        data = os.read(fd, 4096)
    except OSError:
        return None
    if not data:
        return None
    output += data
    return True


position = 0
for step in steps:
    wanted = step["expect"].encode()
    deadline = time.time() + float(os.environ.get("PTY_STEP_TIMEOUT", "30"))
    while output.find(wanted, position) == -1:
        if time.time() > deadline or read_some(0.5) is None:
            sys.stdout.write(output.decode("utf8", "replace"))
            sys.stdout.write("\n[run_in_pty.py] never saw %r\n" % step["expect"])
            os.kill(pid, 9)
            sys.exit(99)
    position = output.find(wanted, position) + len(wanted)
    os.write(fd, step["send"].encode())

deadline = time.time() + 60
while time.time() < deadline and read_some(0.5) is not None:
    pass
done, status = os.waitpid(pid, os.WNOHANG)
exit_deadline = time.time() + 10
while done == 0 and time.time() < exit_deadline:
    time.sleep(0.05)
    done, status = os.waitpid(pid, os.WNOHANG)
if done == 0:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    sys.stdout.write(output.decode("utf8", "replace"))
    sys.stdout.write("\n[run_in_pty.py] the command did not exit\n")
    sys.exit(98)
sys.stdout.write(output.decode("utf8", "replace"))
if os.WIFEXITED(status):
    sys.exit(os.WEXITSTATUS(status))
sys.exit(128 + os.WTERMSIG(status))

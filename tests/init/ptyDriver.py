"""Drives a command in a real pseudo-terminal: waits for each expected prompt text, then types the answer.

Usage: python3 ptyDriver.py '<json: {"argv": [...], "cwd": "...", "steps": [["wait for", "keys"], ...]}>'
Prints the terminal output; exits with the command's exit code (or 124 when a prompt never came).
"""
import json, os, pty, select, sys, time

spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec["cwd"])
    os.execvpe(spec["argv"][0], spec["argv"], {**os.environ, **spec.get("env", {})})

buffer = b""
def read_until(text, timeout=20.0):
    global buffer
    deadline = time.time() + timeout
    while text.encode() not in buffer:
        left = deadline - time.time()
        if left <= 0:
            return False
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            buffer += chunk
    return True

for wait, keys in spec["steps"]:
    if not read_until(wait):
        sys.stdout.write(buffer.decode("utf-8", "replace"))
        os.kill(pid, 9)
        sys.exit(124)
    buffer = buffer[buffer.index(wait.encode()) + len(wait.encode()):]
    time.sleep(0.15)
    os.write(fd, keys.encode())

rest = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    rest += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write((buffer + rest).decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))

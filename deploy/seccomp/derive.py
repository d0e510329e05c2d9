#!/usr/bin/env python3
"""Derives coderoom-runner.json from Docker's default seccomp profile.

    python3 derive.py [DOCKER_DEFAULT_JSON] > coderoom-runner.json

Docker's profile ships in Debian's golang-github-docker-docker-dev package
(/usr/share/gocode/src/github.com/docker/docker/profiles/seccomp/default.json).
What changes, and why (issue 5): candidates' code needs threads, subprocesses, async I/O and
loopback-free sockets, nothing more.
  - native architecture only: no 32-bit/x32 sub-architectures (their syscall tables are a
    classic way around filters);
  - rules that only apply with a capability are dropped: runner containers drop every one;
  - socket() only for AF_UNIX, AF_INET, AF_INET6 (no netlink, packet, vsock, alg, ...);
  - denied outright: ptrace, process_vm_readv/writev, process_madvise, io_uring_*, userfaultfd,
    keyctl/add_key/request_key, bpf, perf_event_open, kcmp, pidfd_getfd, mount/umount*,
    unshare, setns, modify_ldt, and the new mount API.
"""
import json
import sys

DEFAULT = "/usr/share/gocode/src/github.com/docker/docker/profiles/seccomp/default.json"
DENIED = {
    "ptrace", "process_vm_readv", "process_vm_writev", "process_madvise",
    "io_uring_setup", "io_uring_enter", "io_uring_register", "userfaultfd",
    "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "kcmp", "pidfd_getfd",
    "mount", "umount", "umount2", "unshare", "setns", "modify_ldt",
    "fsopen", "fsconfig", "fsmount", "fspick", "move_mount", "open_tree", "mount_setattr",
    "socket",  # re-allowed below for three address families
}
NATIVE = {"amd64", "arm64"}
AF_UNIX, AF_INET, AF_INET6 = 1, 2, 10


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    with open(source) as f:
        profile = json.load(f)
    arch_map = [
        {"architecture": a["architecture"], "subArchitectures": []}
        for a in profile["archMap"]
        if a["architecture"] in ("SCMP_ARCH_X86_64", "SCMP_ARCH_AARCH64")
    ]
    syscalls = []
    for rule in profile["syscalls"]:
        includes = rule.get("includes") or {}
        if includes.get("caps"):
            continue
        arches = includes.get("arches")
        if arches and not NATIVE.intersection(arches):
            continue
        names = [n for n in rule["names"] if n not in DENIED]
        if not names:
            continue
        syscalls.append(dict(rule, names=names))
    for family in (AF_UNIX, AF_INET, AF_INET6):
        syscalls.append({
            "names": ["socket"],
            "action": "SCMP_ACT_ALLOW",
            "args": [{"index": 0, "value": family, "valueTwo": 0, "op": "SCMP_CMP_EQ"}],
            "comment": "socket: unix, inet and inet6 only",
            "includes": {},
            "excludes": {},
        })
    out = {
        "defaultAction": profile["defaultAction"],
        "defaultErrnoRet": 1,
        "archMap": arch_map,
        "syscalls": syscalls,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

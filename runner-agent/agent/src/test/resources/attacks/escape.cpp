// Writes outside /tmp, network, host files, ptrace, process_vm_readv: each line says what happened.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

int main() {
  const char* writes[] = {"/code/main.cpp", "/code/new", "/etc/passwd", "/usr/bin/x", "/x"};
  for (const char* path : writes) {
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0 && write(fd, "x", 1) == 1) std::printf("WRITTEN %s\n", path);
    else std::printf("denied write %s\n", path);
    if (fd >= 0) close(fd);
  }
  struct { const char* host; int port; } targets[] = {
      {"127.0.0.1", 6379}, {"172.17.0.1", 2375}, {"172.17.0.1", 80}, {"169.254.169.254", 80}};
  for (auto& t : targets) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(t.port);
    inet_pton(AF_INET, t.host, &addr.sin_addr);
    if (s >= 0 && connect(s, (sockaddr*) &addr, sizeof addr) == 0) std::printf("CONNECTED %s %d\n", t.host, t.port);
    else std::printf("blocked connect %s %d\n", t.host, t.port);
    if (s >= 0) close(s);
  }
  const char* reads[] = {"/etc/shadow", "/proc/kcore", "/work/main/pom.xml"};
  for (const char* path : reads) {
    int fd = open(path, O_RDONLY);
    char c;
    if (fd >= 0 && read(fd, &c, 1) == 1) std::printf("READ %s\n", path);
    else std::printf("denied read %s\n", path);
    if (fd >= 0) close(fd);
  }
  // open() fails on a Unix socket even when it is mounted: look for the engine's socket itself.
  const char* sockets[] = {"/var/run/docker.sock", "/run/docker.sock"};
  for (const char* path : sockets) {
    struct stat st;
    std::printf("%s %s\n", lstat(path, &st) == 0 ? "present" : "absent", path);
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    if (s >= 0 && connect(s, (sockaddr*) &addr, sizeof addr) == 0) {
      std::printf("CONNECTED %s\n", path);
    } else {
      std::printf("connect %s %s\n", path, s < 0 ? "no socket" : errno == ENOENT ? "ENOENT" : std::strerror(errno));
    }
    if (s >= 0) close(s);
  }
  std::printf("ptrace traceme %s\n", ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) == 0 ? "ALLOWED" : "denied");
  std::printf("ptrace attach %s\n", ptrace(PTRACE_ATTACH, 1, nullptr, nullptr) == 0 ? "ALLOWED" : "denied");
  char buf[8];
  iovec local{buf, sizeof buf}, remote{(void*) 0x400000, sizeof buf};
  std::printf("process_vm_readv %s\n", syscall(SYS_process_vm_readv, 1, &local, 1, &remote, 1, 0) >= 0 ? "ALLOWED" : "denied");
  std::printf("unshare %s\n", syscall(SYS_unshare, 0x10000000) == 0 ? "ALLOWED" : "denied");
  std::printf("io_uring_setup %s\n", syscall(425, 1, nullptr) >= 0 ? "ALLOWED" : "denied");
  std::printf("netlink socket %s\n", socket(AF_NETLINK, SOCK_RAW, 0) >= 0 ? "ALLOWED" : "denied");
  std::printf("uid %d\n", (int) getuid());
}

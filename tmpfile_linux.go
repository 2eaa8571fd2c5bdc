package main

import (
	"os"
	"strconv"
	"syscall"
	"unsafe"
)

// oTmpfile is Linux's O_TMPFILE (__O_TMPFILE | O_DIRECTORY), which the
// syscall package does not name.
const oTmpfile = 0o20000000 | syscall.O_DIRECTORY

// atSymlinkFollow is linkat's AT_SYMLINK_FOLLOW.
const atSymlinkFollow = 0x400

// createUnnamed opens a new file in dir that has no name (O_TMPFILE): a
// run killed outright (SIGKILL, a power cut) while it writes leaves
// nothing behind, since the kernel frees a file no name holds. ok is
// false where the file system cannot (then the caller makes a named
// temporary file).
func createUnnamed(dir string) (f *os.File, ok bool) {
	fd, err := syscall.Open(dir, oTmpfile|syscall.O_WRONLY|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return nil, false
	}
	return os.NewFile(uintptr(fd), dir+"/(unnamed)"), true
}

// linkUnnamed gives the unnamed file f the name name, through its
// /proc/self/fd link: linkat with AT_SYMLINK_FOLLOW links the file that
// magic link stands for.
func linkUnnamed(f *os.File, name string) error {
	src, err := syscall.BytePtrFromString("/proc/self/fd/" + strconv.Itoa(int(f.Fd())))
	if err != nil {
		return err
	}
	dst, err := syscall.BytePtrFromString(name)
	if err != nil {
		return err
	}
	const atFdcwd = -100
	fdcwd := atFdcwd
	_, _, e := syscall.Syscall6(syscall.SYS_LINKAT, uintptr(fdcwd), uintptr(unsafe.Pointer(src)),
		uintptr(fdcwd), uintptr(unsafe.Pointer(dst)), atSymlinkFollow, 0)
	if e != 0 {
		return &os.LinkError{Op: "link", Old: "/proc/self/fd/" + strconv.Itoa(int(f.Fd())), New: name, Err: e}
	}
	return nil
}

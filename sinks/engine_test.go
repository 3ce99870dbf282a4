package sinks

import (
	"bufio"
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Helpers for the tests against real engines (syslog-ng, rsyslog, systemd-journald).
// Each engine is started by the test itself, in the foreground, on loopback, and stopped
// at its end. Where an engine is missing the test is skipped, unless
// LOGRU_REQUIRE_ENGINES=1 (set by .ci/run), which makes it fail.

// needEngine skips (or, with LOGRU_REQUIRE_ENGINES=1, fails) the test when the program
// is not installed, and returns its path.
func needEngine(t *testing.T, prog, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(prog)
	if err != nil {
		if _, err2 := os.Stat(prog); err2 == nil {
			return prog
		}
		engineMissing(t, prog+" is not installed (apt-get install -y "+pkg+")")
	}
	return path
}

func engineMissing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("LOGRU_REQUIRE_ENGINES") == "1" {
		t.Fatal(why + "; LOGRU_REQUIRE_ENGINES=1 requires it")
	}
	t.Skip(why)
}

// freePorts returns n distinct ports free on 127.0.0.1 for both TCP and UDP (as far as
// a moment's check can tell).
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	var hold []func()
	defer func() {
		for _, f := range hold {
			f()
		}
	}()
	for len(ports) < n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		p := ln.Addr().(*net.TCPAddr).Port
		u, err := net.ListenPacket("udp", "127.0.0.1:"+strconv.Itoa(p))
		if err != nil {
			ln.Close()
			continue
		}
		hold = append(hold, func() { ln.Close(); u.Close() })
		ports = append(ports, p)
	}
	return ports
}

// daemon is an engine process the test started.
type daemon struct {
	t    *testing.T
	dir  string
	args []string
	cmd  *exec.Cmd
	log  *os.File
	out  string // the JSON lines file the engine writes
}

func (d *daemon) start() {
	d.t.Helper()
	d.cmd = exec.Command(d.args[0], d.args[1:]...)
	d.cmd.Stdout, d.cmd.Stderr = d.log, d.log
	if err := d.cmd.Start(); err != nil {
		d.t.Fatal(err)
	}
}

// stop ends the engine with SIGTERM and waits for it.
func (d *daemon) stop() {
	if d.cmd == nil {
		return
	}
	d.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { d.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		d.cmd.Process.Kill()
		<-done
	}
	d.cmd = nil
}

// waitFor polls (an external process: the one place polling is allowed) until ok holds,
// failing after 20s with the engine's output.
func (d *daemon) waitFor(what string, ok func() bool) {
	d.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(d.log.Name())
			d.t.Fatalf("timed out waiting for %s; engine output:\n%s", what, out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// lines returns the JSON objects the engine wrote, keeping those ok accepts.
func (d *daemon) lines(ok func(map[string]any) bool) []map[string]any {
	d.t.Helper()
	data, _ := os.ReadFile(d.out)
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			continue // a line being written
		}
		if ok == nil || ok(m) {
			out = append(out, m)
		}
	}
	return out
}

// waitLines waits until n lines pass ok, and returns them.
func (d *daemon) waitLines(n int, ok func(map[string]any) bool) []map[string]any {
	d.t.Helper()
	var got []map[string]any
	d.waitFor(strconv.Itoa(n)+" received lines", func() bool { got = d.lines(ok); return len(got) >= n })
	return got
}

func msgPrefix(p string) func(map[string]any) bool {
	return func(m map[string]any) bool { s, _ := m["msg"].(string); return strings.HasPrefix(s, p) }
}

// canDial reports whether a stream connection to addr is accepted.
func canDial(network, addr string) bool {
	c, err := net.DialTimeout(network, addr, time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// selfSigned writes a certificate for 127.0.0.1 and its key into dir and returns a
// client configuration that trusts it.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, conf *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:    x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, &tls.Config{RootCAs: pool}
}

package accesslog

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// remoteAddr returns the client's IP address: the connection's (RemoteAddr without its
// port) or, with trustProxy, the one the proxy in front reported (see
// Options.TrustProxy). Header values are used only when they parse as an IP address
// without a zone, so nothing else from them reaches the line.
func remoteAddr(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if ip, ok := parseIP(r.Header.Get("X-Real-Ip")); ok {
			return ip
		}
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			last := xff[len(xff)-1]
			if i := strings.LastIndexByte(last, ','); i >= 0 {
				last = last[i+1:]
			}
			if ip, ok := parseIP(last); ok {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr // no port: keep what there is, capped (the logger escapes it)
	}
	return cut(host, 64)
}

// parseIP returns s, trimmed, when it is an IP address without a zone.
func parseIP(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return "", false
	}
	return s, true
}

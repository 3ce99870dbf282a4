module github.com/logru/logru

go 1.25.0

require (
	github.com/lestrrat-go/strftime v1.2.0
	github.com/mattn/go-isatty v0.0.24
)

require golang.org/x/sys v0.44.0

require (
	github.com/dsnet/compress v0.0.1
	github.com/klauspost/compress v1.20.3
	github.com/ulikunitz/xz v0.5.17
	go.yaml.in/yaml/v3 v3.0.6
)

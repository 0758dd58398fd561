
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'telhook' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'telhook'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'telhook' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the whole tool once, nothing to configure: a local listener receives every event of both providers, signed and authenticated, plus the failures to recognise')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List every event telhook knows, for both providers')
            [CompletionResult]::new('example', 'example', [CompletionResultType]::ParameterValue, 'Print a realistic payload for an event, exactly as the provider would send it')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make an Ed25519 key pair for signing Telnyx webhooks')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a body the way Telnyx does and print the two signature headers')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a Telnyx signature offline and say exactly why it fails')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Deliver events to a URL exactly as Telnyx or Bandwidth would: signed, retried, judged')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks locally: verify, print and capture every request')
            [CompletionResult]::new('emulate', 'emulate', [CompletionResultType]::ParameterValue, 'Run a local Telnyx and Bandwidth messaging API: point your app''s API base URL at it, and the webhooks about each message it sends arrive at your app, signed or authenticated')
            [CompletionResult]::new('text', 'text', [CompletionResultType]::ParameterValue, 'Make a person text one of your app''s numbers, through a running `telhook emulate`')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Re-deliver captured or stored webhooks to a URL, with a verdict (and reports) CI can trust')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check payloads against the documented schema of their event')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of an event')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings send, listen and the rest use when not given flags, and where each comes from (flag > environment > ./telnyx.* (keys) > project file > user file > built-in)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff; e.g. `telhook man > telhook.1`, `man ./telhook.1`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'telhook;demo' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this provider''s events and failure scenarios')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s events and failure scenarios')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;events' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this provider''s events')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s events')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;example' {
            [CompletionResult]::new('--variant', '--variant', [CompletionResultType]::ParameterName, 'A variant of the event (`telhook events` lists them); the first one is the default')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a field: a dotted path or JSON pointer, `=`, and a JSON value (--set data.payload.text=''"hi"''). Fails if the path does not exist. Repeatable')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed every random choice (ids, numbers, texts, gaps); with --at the output is byte-for-byte reproducible')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The time of the event (RFC 3339 or Unix seconds), instead of now')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print (Bandwidth sends compact JSON; Telnyx bodies are already indented)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;keygen' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Directory to write telnyx.key (private, mode 0600) and telnyx.pub into')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace existing key files')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;sign' {
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'The private key: a key (base64 or hex seed, 64-byte libsodium secret, PKCS#8 PEM) or a file holding one, as written by `telhook keygen` [env: TELHOOK_PRIVATE_KEY]. Without one: ./telnyx.key, the config files'' private_key, else your default key pair')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The telnyx-timestamp value to sign, verbatim (default: now, in Unix seconds)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'URL for --format curl (default: as `send --to`, http://127.0.0.1:5000/ unless configured)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;verify' {
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'The Telnyx public key (base64 of the raw 32 bytes, as in Mission Control) or a file holding it [env: TELNYX_PUBLIC_KEY]. Without one: ./telnyx.pub, the config files'' public_key, else your default key pair''s (never made by verify)')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The telnyx-signature-ed25519 header value (without it, the verdict is that the header is missing, as for a delivery that lacked it)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The telnyx-timestamp header value, verbatim (without it, the verdict is that the header is missing)')
            [CompletionResult]::new('--headers', '--headers', [CompletionResultType]::ParameterName, 'Read both headers from a raw HTTP header dump (`curl -D FILE`, a proxy log...)')
            [CompletionResult]::new('--capture', '--capture', [CompletionResultType]::ParameterName, 'Verify a request captured by `telhook listen --capture`: its headers and exact body (the last Telnyx record, or the one on --line)')
            [CompletionResult]::new('--line', '--line', [CompletionResultType]::ParameterName, 'With --capture: the line of the record to verify')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Reject timestamps further than this from now, either way (e.g. 300, 5m)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The clock to check the timestamp against (Unix seconds or RFC 3339; default: now)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--no-tolerance', '--no-tolerance', [CompletionResultType]::ParameterName, 'Do not check the timestamp''s age')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;send' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The URL to deliver to [env: TELHOOK_TO] (default: the config files'' `to`, else http://127.0.0.1:5000/, where `telhook listen` listens); `http://` when it has no scheme')
            [CompletionResult]::new('--failover-url', '--failover-url', [CompletionResultType]::ParameterName, 'Where to deliver once the attempts on --to are used up (Telnyx''s failover URL, Bandwidth''s fallback URL)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Deliveries in flight at once')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Start at most R events per second')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Telnyx private key (a key or a key file, as `sign`) [env: TELHOOK_PRIVATE_KEY]. Without one: ./telnyx.key, the config files'' private_key, else your default key pair (made on first use; `telhook config` shows which)')
            [CompletionResult]::new('--basic-auth', '--basic-auth', [CompletionResultType]::ParameterName, 'Bandwidth credentials for its challenge flow: the first request carries none, a 401 with WWW-Authenticate is answered with them [env: TELHOOK_BASIC_AUTH]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its 24 hours of retries)')
            [CompletionResult]::new('--backoff', '--backoff', [CompletionResultType]::ParameterName, 'First wait between attempts, doubling after each: the providers'' minutes compressed (e.g. 250ms, 1s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long an answer may take, instead of the provider''s (Telnyx 2s; Bandwidth 10s for messaging and v1, 15s for voice)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Add a header to every request (''Name: value''); replaces the provider''s header of that name. Repeatable')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Add a header to every request (''Name: value''); replaces the provider''s header of that name. Repeatable')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Send this body byte for byte instead of a generated event; `-` reads stdin')
            [CompletionResult]::new('--flow', '--flow', [CompletionResultType]::ParameterName, 'A realistic sequence with shared ids (telnyx: outbound-message, outbound-message-failed, call; bandwidth: outbound-mms, outbound-mms-failed, inbound-group, call)')
            [CompletionResult]::new('--variant', '--variant', [CompletionResultType]::ParameterName, 'The variant of the event (with one EVENT)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a field of every generated body (as `telhook example --set`). Repeatable')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed the generated values and the --shuffle order')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'The time of the (first) event (RFC 3339 or Unix seconds), instead of now')
            [CompletionResult]::new('--duplicate', '--duplicate', [CompletionResultType]::ParameterName, 'Deliver each event N more times with the same id (at-least-once delivery)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Load mode: send N events with fresh ids (cycling through the EVENTs), show a progress bar on a terminal, print only failed attempts (under --json every attempt, unless -q), and end with throughput and latency figures')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How --dry-run prints requests')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--no-signature', '--no-signature', [CompletionResultType]::ParameterName, 'Send Telnyx events without signature headers')
            [CompletionResult]::new('--provider-timing', '--provider-timing', [CompletionResultType]::ParameterName, 'Wait as the providers do between attempts (minutes) instead of --backoff')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept self-signed and otherwise invalid TLS certificates')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every event of the provider (each in its default variant)')
            [CompletionResult]::new('--shuffle', '--shuffle', [CompletionResultType]::ParameterName, 'Deliver in a random order (never the original one); --seed fixes it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the requests (first attempt) instead of sending them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;listen' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on; 0 picks a free one (the first line says which)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to bind. The default keeps the listener private to this machine')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Serve only this path (e.g. /webhooks); other paths get 404. Default: every path')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'Telnyx public key (base64 of the raw 32 bytes) or a file holding it [env: TELNYX_PUBLIC_KEY]. Without one: ./telnyx.pub, the config files'' public_key, else your default key pair''s (made on first use, the one `send` signs with)')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Timestamp tolerance, either way (as `verify`; e.g. 300, 5m)')
            [CompletionResult]::new('--basic-auth', '--basic-auth', [CompletionResultType]::ParameterName, 'Bandwidth credentials, USER:PASS: requests without them get a 401 challenge [env: TELHOOK_BASIC_AUTH]')
            [CompletionResult]::new('--capture', '--capture', [CompletionResultType]::ParameterName, 'Append every request to this JSON Lines file (format in the README)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Status to answer accepted requests with')
            [CompletionResult]::new('--delay', '--delay', [CompletionResultType]::ParameterName, 'Wait this long before answering (a slow app; Telnyx gives up after 2 s)')
            [CompletionResult]::new('--fail-first', '--fail-first', [CompletionResultType]::ParameterName, 'Answer 500 to the first N attempts of each event id (to exercise retries)')
            [CompletionResult]::new('--bxml', '--bxml', [CompletionResultType]::ParameterName, 'BXML document for Bandwidth callbacks that need one (default: an empty <Response/>)')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Pass each accepted request on to your app and relay its answer')
            [CompletionResult]::new('--max-events', '--max-events', [CompletionResultType]::ParameterName, 'Exit after this many requests')
            [CompletionResult]::new('--exit-after', '--exit-after', [CompletionResultType]::ParameterName, 'Exit after this long (e.g. 30s, 5m)')
            [CompletionResult]::new('--max-body', '--max-body', [CompletionResultType]::ParameterName, 'Largest body accepted, at most 1 GiB; larger ones get 413')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections open at once; more wait until one closes')
            [CompletionResult]::new('--max-in-flight', '--max-in-flight', [CompletionResultType]::ParameterName, 'Requests answered at once (those waiting on --delay or --forward-to count); more get 503')
            [CompletionResult]::new('--max-header-bytes', '--max-header-bytes', [CompletionResultType]::ParameterName, 'Largest request head (request line and headers); larger ones get 431')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'A request''s head must arrive within this of its first byte, its body within this of its head; else 408')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Close a keep-alive connection idle for this long')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Accept Telnyx requests without checking their signatures')
            [CompletionResult]::new('--no-tolerance', '--no-tolerance', [CompletionResultType]::ParameterName, 'Do not check the Telnyx timestamp''s age')
            [CompletionResult]::new('--reject-unknown', '--reject-unknown', [CompletionResultType]::ParameterName, 'Reject requests whose provider or event cannot be recognised (400)')
            [CompletionResult]::new('--capture-credentials', '--capture-credentials', [CompletionResultType]::ParameterName, 'Keep Authorization values in the capture verbatim (by default only the scheme and a Basic user are kept: `Basic <redacted user=bw>`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;emulate' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Serve only this provider''s API')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Serve only this provider''s API')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on; 0 picks a free one (the first line says which)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to bind. The default keeps the emulator private to this machine')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'Telnyx: requests must carry `Authorization: Bearer KEY` with exactly this key (default: any key)')
            [CompletionResult]::new('--webhook-url', '--webhook-url', [CompletionResultType]::ParameterName, 'Telnyx: the messaging profile''s webhook URL, where a message''s webhooks go after the URLs of its request [env: TELHOOK_TO]. Default: listen''s address')
            [CompletionResult]::new('--webhook-failover-url', '--webhook-failover-url', [CompletionResultType]::ParameterName, 'Telnyx: the messaging profile''s failover URL')
            [CompletionResult]::new('--api-auth', '--api-auth', [CompletionResultType]::ParameterName, 'Bandwidth: requests must carry these Basic API credentials (default: any Basic ones)')
            [CompletionResult]::new('--callback-url', '--callback-url', [CompletionResultType]::ParameterName, 'Bandwidth: the Application''s status callback URL [env: TELHOOK_TO]. Default: listen''s address')
            [CompletionResult]::new('--inbound-callback-url', '--inbound-callback-url', [CompletionResultType]::ParameterName, 'Bandwidth: the Application''s inbound callback URL, where texts to the app''s numbers go [env: TELHOOK_TO]. Default: listen''s address')
            [CompletionResult]::new('--number', '--number', [CompletionResultType]::ParameterName, 'Bandwidth: one of the app''s own numbers (repeatable): a group text gives a callback for each of them among its recipients')
            [CompletionResult]::new('--callback-auth', '--callback-auth', [CompletionResultType]::ParameterName, 'Bandwidth: the Application''s callback credentials: callbacks are sent without, and again with them after a 401 challenge [env: TELHOOK_BASIC_AUTH]')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Telnyx private key the webhooks are signed with (a key or a key file, as `sign`) [env: TELHOOK_PRIVATE_KEY]. Without one: as `send` finds it (your default key pair)')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Time between the API''s answer and a message''s first webhook, and between its webhooks (e.g. 50ms, 2s). Default: 50ms; with --provider-timing, 1s and then 3s, as real delivery receipts take seconds')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Webhook deliveries in flight at once; more wait their turn')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Draw ids from this seed and times from a clock of its own (from 2026-01-01T00:00:00Z, a second per API call): the same requests give the same ids and times')
            [CompletionResult]::new('--capture', '--capture', [CompletionResultType]::ParameterName, 'Append every API call and every webhook attempt to this file, one JSON line each (a timeline that validate, verify and replay read)')
            [CompletionResult]::new('--max-messages', '--max-messages', [CompletionResultType]::ParameterName, 'Messages kept for GET; older ones are forgotten')
            [CompletionResult]::new('--max-pending', '--max-pending', [CompletionResultType]::ParameterName, 'Calls whose webhooks are held at once; past it, a call waits (--pending-wait) for an earlier call''s webhooks to finish, then is answered 429')
            [CompletionResult]::new('--pending-wait', '--pending-wait', [CompletionResultType]::ParameterName, 'How long a call past --max-pending waits for room before its 429 (e.g. 2s, 500ms)')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its 24 hours of retries)')
            [CompletionResult]::new('--backoff', '--backoff', [CompletionResultType]::ParameterName, 'First wait between attempts, doubling after each: the providers'' minutes compressed (e.g. 250ms, 1s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long an answer may take, instead of the provider''s (Telnyx 2s; Bandwidth 10s for messaging and v1, 15s for voice)')
            [CompletionResult]::new('--exit-after', '--exit-after', [CompletionResultType]::ParameterName, 'Exit after this long (e.g. 30s, 5m), once the webhooks due are delivered')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--capture-credentials', '--capture-credentials', [CompletionResultType]::ParameterName, 'Keep Authorization values in the capture verbatim (by default only the scheme and a Basic user are kept: `Basic <redacted user=bw>`)')
            [CompletionResult]::new('--provider-timing', '--provider-timing', [CompletionResultType]::ParameterName, 'Wait as the providers do between attempts (minutes) instead of --backoff')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('messages', 'messages', [CompletionResultType]::ParameterValue, 'List the messages a running emulator keeps (sent through its API or texted in), oldest first: provider, id, status, sender and recipients')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Make a running emulator forget every message it keeps')
            [CompletionResult]::new('settle', 'settle', [CompletionResultType]::ParameterValue, 'Wait until every webhook a running emulator has due is delivered or given up; exit 1 if some are still in flight after --timeout')
            break
        }
        'telhook;emulate;messages' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this provider''s messages')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s messages')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'The running emulator''s address')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;emulate;reset' {
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'The running emulator''s address')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;emulate;settle' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the webhooks (at most 5m)')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'The running emulator''s address')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;text' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The person''s number (+E.164)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The app''s number the text goes to; repeat for a group text')
            [CompletionResult]::new('--media', '--media', [CompletionResultType]::ParameterName, 'A media URL (an MMS); repeatable')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider the text comes through (needed when the emulator serves both)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider the text comes through (needed when the emulator serves both)')
            [CompletionResult]::new('--emulator', '--emulator', [CompletionResultType]::ParameterName, 'The running emulator''s address')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;replay' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The URL to deliver to [env: TELHOOK_TO] (default: the config files'' `to`, else http://127.0.0.1:5000/, where `telhook listen` listens); `http://` when it has no scheme')
            [CompletionResult]::new('--failover-url', '--failover-url', [CompletionResultType]::ParameterName, 'Where to deliver once the attempts on --to are used up (Telnyx''s failover URL, Bandwidth''s fallback URL)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Deliveries in flight at once')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Start at most R events per second')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Telnyx private key (a key or a key file, as `sign`) [env: TELHOOK_PRIVATE_KEY]. Without one: ./telnyx.key, the config files'' private_key, else your default key pair (made on first use; `telhook config` shows which)')
            [CompletionResult]::new('--basic-auth', '--basic-auth', [CompletionResultType]::ParameterName, 'Bandwidth credentials for its challenge flow: the first request carries none, a 401 with WWW-Authenticate is answered with them [env: TELHOOK_BASIC_AUTH]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its 24 hours of retries)')
            [CompletionResult]::new('--backoff', '--backoff', [CompletionResultType]::ParameterName, 'First wait between attempts, doubling after each: the providers'' minutes compressed (e.g. 250ms, 1s)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long an answer may take, instead of the provider''s (Telnyx 2s; Bandwidth 10s for messaging and v1, 15s for voice)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Add a header to every request (''Name: value''); replaces the provider''s header of that name. Repeatable')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Add a header to every request (''Name: value''); replaces the provider''s header of that name. Repeatable')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this provider''s events (payloads telhook cannot place are taken as this provider''s)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s events (payloads telhook cannot place are taken as this provider''s)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only events whose catalog name matches this glob (`*`, `?`; e.g. ''message.*''). Repeatable: any may match')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Only the event with this id (as `listen` shows it). Repeatable')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only requests captured at or after this time (RFC 3339 or Unix seconds)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only requests captured before this time (RFC 3339 or Unix seconds)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for --shuffle')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'The statuses that count as handled: a class (2xx), codes, or both (200,204)')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Write a report: junit=FILE (JUnit XML, one testcase per event) or json=FILE. Repeatable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--no-signature', '--no-signature', [CompletionResultType]::ParameterName, 'Send Telnyx events without signature headers')
            [CompletionResult]::new('--provider-timing', '--provider-timing', [CompletionResultType]::ParameterName, 'Wait as the providers do between attempts (minutes) instead of --backoff')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept self-signed and otherwise invalid TLS certificates')
            [CompletionResult]::new('--keep-headers', '--keep-headers', [CompletionResultType]::ParameterName, 'Send the captured headers unchanged, old signature and timestamp included (a receiver should reject them as stale or replayed); by default Telnyx events are signed afresh')
            [CompletionResult]::new('--no-retry', '--no-retry', [CompletionResultType]::ParameterName, 'One attempt per event: no retries, no failover')
            [CompletionResult]::new('--shuffle', '--shuffle', [CompletionResultType]::ParameterName, 'Deliver in a random order (never the original one); reads all inputs first')
            [CompletionResult]::new('--twice', '--twice', [CompletionResultType]::ParameterName, 'Deliver every event twice, to check the receiver is idempotent')
            [CompletionResult]::new('--expect-bxml', '--expect-bxml', [CompletionResultType]::ParameterName, 'Bandwidth voice callbacks that take BXML must be answered 200 with a well-formed <Response> document')
            [CompletionResult]::new('--stop-on-malformed', '--stop-on-malformed', [CompletionResultType]::ParameterName, 'Stop at the first malformed record (exit 2) instead of reporting and skipping it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;validate' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Validate every payload as this event instead of recognising it (`telnyx/message.finalized`)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads (default: the number of CPUs)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--report-unlisted', '--report-unlisted', [CompletionResultType]::ParameterName, 'Also report fields the documented schema does not list')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;schema' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;man' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request and answer in full: headers and body (credentials redacted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'telhook;help' {
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the whole tool once, nothing to configure: a local listener receives every event of both providers, signed and authenticated, plus the failures to recognise')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List every event telhook knows, for both providers')
            [CompletionResult]::new('example', 'example', [CompletionResultType]::ParameterValue, 'Print a realistic payload for an event, exactly as the provider would send it')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make an Ed25519 key pair for signing Telnyx webhooks')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a body the way Telnyx does and print the two signature headers')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a Telnyx signature offline and say exactly why it fails')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Deliver events to a URL exactly as Telnyx or Bandwidth would: signed, retried, judged')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks locally: verify, print and capture every request')
            [CompletionResult]::new('emulate', 'emulate', [CompletionResultType]::ParameterValue, 'Run a local Telnyx and Bandwidth messaging API: point your app''s API base URL at it, and the webhooks about each message it sends arrive at your app, signed or authenticated')
            [CompletionResult]::new('text', 'text', [CompletionResultType]::ParameterValue, 'Make a person text one of your app''s numbers, through a running `telhook emulate`')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Re-deliver captured or stored webhooks to a URL, with a verdict (and reports) CI can trust')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check payloads against the documented schema of their event')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of an event')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings send, listen and the rest use when not given flags, and where each comes from (flag > environment > ./telnyx.* (keys) > project file > user file > built-in)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff; e.g. `telhook man > telhook.1`, `man ./telhook.1`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'telhook;help;demo' {
            break
        }
        'telhook;help;events' {
            break
        }
        'telhook;help;example' {
            break
        }
        'telhook;help;keygen' {
            break
        }
        'telhook;help;sign' {
            break
        }
        'telhook;help;verify' {
            break
        }
        'telhook;help;send' {
            break
        }
        'telhook;help;listen' {
            break
        }
        'telhook;help;emulate' {
            [CompletionResult]::new('messages', 'messages', [CompletionResultType]::ParameterValue, 'List the messages a running emulator keeps (sent through its API or texted in), oldest first: provider, id, status, sender and recipients')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Make a running emulator forget every message it keeps')
            [CompletionResult]::new('settle', 'settle', [CompletionResultType]::ParameterValue, 'Wait until every webhook a running emulator has due is delivered or given up; exit 1 if some are still in flight after --timeout')
            break
        }
        'telhook;help;emulate;messages' {
            break
        }
        'telhook;help;emulate;reset' {
            break
        }
        'telhook;help;emulate;settle' {
            break
        }
        'telhook;help;text' {
            break
        }
        'telhook;help;replay' {
            break
        }
        'telhook;help;validate' {
            break
        }
        'telhook;help;schema' {
            break
        }
        'telhook;help;config' {
            break
        }
        'telhook;help;completions' {
            break
        }
        'telhook;help;man' {
            break
        }
        'telhook;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_telhook_global_optspecs
    string join \n color= json v/verbose q/quiet h/help V/version
end

function __fish_telhook_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_telhook_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_telhook_using_subcommand
    set -l cmd (__fish_telhook_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c telhook -n "__fish_telhook_needs_command" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_needs_command" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_needs_command" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_needs_command" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_needs_command" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_needs_command" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "demo" -d 'Run the whole tool once, nothing to configure: a local listener receives every event of both providers, signed and authenticated, plus the failures to recognise'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "events" -d 'List every event telhook knows, for both providers'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "example" -d 'Print a realistic payload for an event, exactly as the provider would send it'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "keygen" -d 'Make an Ed25519 key pair for signing Telnyx webhooks'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "sign" -d 'Sign a body the way Telnyx does and print the two signature headers'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "verify" -d 'Check a Telnyx signature offline and say exactly why it fails'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "send" -d 'Deliver events to a URL exactly as Telnyx or Bandwidth would: signed, retried, judged'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "listen" -d 'Receive webhooks locally: verify, print and capture every request'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "emulate" -d 'Run a local Telnyx and Bandwidth messaging API: point your app\'s API base URL at it, and the webhooks about each message it sends arrive at your app, signed or authenticated'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "text" -d 'Make a person text one of your app\'s numbers, through a running `telhook emulate`'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "replay" -d 'Re-deliver captured or stored webhooks to a URL, with a verdict (and reports) CI can trust'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "validate" -d 'Check payloads against the documented schema of their event'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "schema" -d 'Print the JSON Schema of an event'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "config" -d 'Show the settings send, listen and the rest use when not given flags, and where each comes from (flag > environment > ./telnyx.* (keys) > project file > user file > built-in)'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "man" -d 'Print the manual page (roff; e.g. `telhook man > telhook.1`, `man ./telhook.1`)'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c telhook -n "__fish_telhook_using_subcommand demo" -s p -l provider -d 'Only this provider\'s events and failure scenarios' -r -f -a "telnyx\t''
bandwidth\t''"
complete -c telhook -n "__fish_telhook_using_subcommand demo" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand demo" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand demo" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand demo" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand demo" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand demo" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand events" -s p -l provider -d 'Only this provider\'s events' -r -f -a "telnyx\t''
bandwidth\t''"
complete -c telhook -n "__fish_telhook_using_subcommand events" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand events" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand events" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand events" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand events" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand events" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand example" -l variant -d 'A variant of the event (`telhook events` lists them); the first one is the default' -r
complete -c telhook -n "__fish_telhook_using_subcommand example" -l set -d 'Override a field: a dotted path or JSON pointer, `=`, and a JSON value (--set data.payload.text=\'"hi"\'). Fails if the path does not exist. Repeatable' -r
complete -c telhook -n "__fish_telhook_using_subcommand example" -l seed -d 'Seed every random choice (ids, numbers, texts, gaps); with --at the output is byte-for-byte reproducible' -r
complete -c telhook -n "__fish_telhook_using_subcommand example" -l at -d 'The time of the event (RFC 3339 or Unix seconds), instead of now' -r
complete -c telhook -n "__fish_telhook_using_subcommand example" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand example" -l pretty -d 'Pretty-print (Bandwidth sends compact JSON; Telnyx bodies are already indented)'
complete -c telhook -n "__fish_telhook_using_subcommand example" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand example" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand example" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand example" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand example" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand keygen" -l out-dir -d 'Directory to write telnyx.key (private, mode 0600) and telnyx.pub into' -r -f -a "(__fish_complete_directories)"
complete -c telhook -n "__fish_telhook_using_subcommand keygen" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand keygen" -l force -d 'Replace existing key files'
complete -c telhook -n "__fish_telhook_using_subcommand keygen" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand keygen" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand keygen" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand keygen" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand keygen" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand sign" -l private-key -d 'The private key: a key (base64 or hex seed, 64-byte libsodium secret, PKCS#8 PEM) or a file holding one, as written by `telhook keygen` [env: TELHOOK_PRIVATE_KEY]. Without one: ./telnyx.key, the config files\' private_key, else your default key pair' -r
complete -c telhook -n "__fish_telhook_using_subcommand sign" -l timestamp -d 'The telnyx-timestamp value to sign, verbatim (default: now, in Unix seconds)' -r
complete -c telhook -n "__fish_telhook_using_subcommand sign" -l format -d 'Output format' -r -f -a "headers\t'The two headers, one `name: value` per line'
json\t'One JSON object'
curl\t'A curl command that POSTs the body with the headers'"
complete -c telhook -n "__fish_telhook_using_subcommand sign" -l url -d 'URL for --format curl (default: as `send --to`, http://127.0.0.1:5000/ unless configured)' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand sign" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand sign" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand sign" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand sign" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telhook -n "__fish_telhook_using_subcommand sign" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l public-key -d 'The Telnyx public key (base64 of the raw 32 bytes, as in Mission Control) or a file holding it [env: TELNYX_PUBLIC_KEY]. Without one: ./telnyx.pub, the config files\' public_key, else your default key pair\'s (never made by verify)' -r
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l signature -d 'The telnyx-signature-ed25519 header value (without it, the verdict is that the header is missing, as for a delivery that lacked it)' -r
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l timestamp -d 'The telnyx-timestamp header value, verbatim (without it, the verdict is that the header is missing)' -r
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l headers -d 'Read both headers from a raw HTTP header dump (`curl -D FILE`, a proxy log...)' -r -F
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l capture -d 'Verify a request captured by `telhook listen --capture`: its headers and exact body (the last Telnyx record, or the one on --line)' -r -F
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l line -d 'With --capture: the line of the record to verify' -r
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l tolerance -d 'Reject timestamps further than this from now, either way (e.g. 300, 5m)' -r
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l now -d 'The clock to check the timestamp against (Unix seconds or RFC 3339; default: now)' -r
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l no-tolerance -d 'Do not check the timestamp\'s age'
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand verify" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand verify" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand verify" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand verify" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand send" -l to -d 'The URL to deliver to [env: TELHOOK_TO] (default: the config files\' `to`, else http://127.0.0.1:5000/, where `telhook listen` listens); `http://` when it has no scheme' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand send" -l failover-url -d 'Where to deliver once the attempts on --to are used up (Telnyx\'s failover URL, Bandwidth\'s fallback URL)' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand send" -l concurrency -d 'Deliveries in flight at once' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l rate -d 'Start at most R events per second' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l private-key -d 'Telnyx private key (a key or a key file, as `sign`) [env: TELHOOK_PRIVATE_KEY]. Without one: ./telnyx.key, the config files\' private_key, else your default key pair (made on first use; `telhook config` shows which)' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l basic-auth -d 'Bandwidth credentials for its challenge flow: the first request carries none, a 401 with WWW-Authenticate is answered with them [env: TELHOOK_BASIC_AUTH]' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l max-attempts -d 'Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its 24 hours of retries)' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l backoff -d 'First wait between attempts, doubling after each: the providers\' minutes compressed (e.g. 250ms, 1s)' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l timeout -d 'How long an answer may take, instead of the provider\'s (Telnyx 2s; Bandwidth 10s for messaging and v1, 15s for voice)' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -s H -l header -d 'Add a header to every request (\'Name: value\'); replaces the provider\'s header of that name. Repeatable' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l data -d 'Send this body byte for byte instead of a generated event; `-` reads stdin' -r -F
complete -c telhook -n "__fish_telhook_using_subcommand send" -l flow -d 'A realistic sequence with shared ids (telnyx: outbound-message, outbound-message-failed, call; bandwidth: outbound-mms, outbound-mms-failed, inbound-group, call)' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l variant -d 'The variant of the event (with one EVENT)' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l set -d 'Override a field of every generated body (as `telhook example --set`). Repeatable' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l seed -d 'Seed the generated values and the --shuffle order' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l at -d 'The time of the (first) event (RFC 3339 or Unix seconds), instead of now' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l duplicate -d 'Deliver each event N more times with the same id (at-least-once delivery)' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l count -d 'Load mode: send N events with fresh ids (cycling through the EVENTs), show a progress bar on a terminal, print only failed attempts (under --json every attempt, unless -q), and end with throughput and latency figures' -r
complete -c telhook -n "__fish_telhook_using_subcommand send" -l format -d 'How --dry-run prints requests' -r -f -a "http\t'The HTTP request: request line, headers, blank line, body'
curl\t'A curl command that sends the same bytes with the same headers'"
complete -c telhook -n "__fish_telhook_using_subcommand send" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand send" -l no-signature -d 'Send Telnyx events without signature headers'
complete -c telhook -n "__fish_telhook_using_subcommand send" -l provider-timing -d 'Wait as the providers do between attempts (minutes) instead of --backoff'
complete -c telhook -n "__fish_telhook_using_subcommand send" -l insecure -d 'Accept self-signed and otherwise invalid TLS certificates'
complete -c telhook -n "__fish_telhook_using_subcommand send" -l all -d 'Every event of the provider (each in its default variant)'
complete -c telhook -n "__fish_telhook_using_subcommand send" -l shuffle -d 'Deliver in a random order (never the original one); --seed fixes it'
complete -c telhook -n "__fish_telhook_using_subcommand send" -l dry-run -d 'Print the requests (first attempt) instead of sending them'
complete -c telhook -n "__fish_telhook_using_subcommand send" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand send" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand send" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telhook -n "__fish_telhook_using_subcommand send" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l port -d 'Port to listen on; 0 picks a free one (the first line says which)' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l host -d 'Address to bind. The default keeps the listener private to this machine' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l path -d 'Serve only this path (e.g. /webhooks); other paths get 404. Default: every path' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l public-key -d 'Telnyx public key (base64 of the raw 32 bytes) or a file holding it [env: TELNYX_PUBLIC_KEY]. Without one: ./telnyx.pub, the config files\' public_key, else your default key pair\'s (made on first use, the one `send` signs with)' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l tolerance -d 'Timestamp tolerance, either way (as `verify`; e.g. 300, 5m)' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l basic-auth -d 'Bandwidth credentials, USER:PASS: requests without them get a 401 challenge [env: TELHOOK_BASIC_AUTH]' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l capture -d 'Append every request to this JSON Lines file (format in the README)' -r -F
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l status -d 'Status to answer accepted requests with' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l delay -d 'Wait this long before answering (a slow app; Telnyx gives up after 2 s)' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l fail-first -d 'Answer 500 to the first N attempts of each event id (to exercise retries)' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l bxml -d 'BXML document for Bandwidth callbacks that need one (default: an empty <Response/>)' -r -F
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l forward-to -d 'Pass each accepted request on to your app and relay its answer' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l max-events -d 'Exit after this many requests' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l exit-after -d 'Exit after this long (e.g. 30s, 5m)' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l max-body -d 'Largest body accepted, at most 1 GiB; larger ones get 413' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l max-connections -d 'Connections open at once; more wait until one closes' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l max-in-flight -d 'Requests answered at once (those waiting on --delay or --forward-to count); more get 503' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l max-header-bytes -d 'Largest request head (request line and headers); larger ones get 431' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l read-timeout -d 'A request\'s head must arrive within this of its first byte, its body within this of its head; else 408' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l idle-timeout -d 'Close a keep-alive connection idle for this long' -r
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l no-verify -d 'Accept Telnyx requests without checking their signatures'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l no-tolerance -d 'Do not check the Telnyx timestamp\'s age'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l reject-unknown -d 'Reject requests whose provider or event cannot be recognised (400)'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l capture-credentials -d 'Keep Authorization values in the capture verbatim (by default only the scheme and a Basic user are kept: `Basic <redacted user=bw>`)'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -s p -l provider -d 'Serve only this provider\'s API' -r -f -a "telnyx\t''
bandwidth\t''"
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l port -d 'Port to listen on; 0 picks a free one (the first line says which)' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l host -d 'Address to bind. The default keeps the emulator private to this machine' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l api-key -d 'Telnyx: requests must carry `Authorization: Bearer KEY` with exactly this key (default: any key)' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l webhook-url -d 'Telnyx: the messaging profile\'s webhook URL, where a message\'s webhooks go after the URLs of its request [env: TELHOOK_TO]. Default: listen\'s address' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l webhook-failover-url -d 'Telnyx: the messaging profile\'s failover URL' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l api-auth -d 'Bandwidth: requests must carry these Basic API credentials (default: any Basic ones)' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l callback-url -d 'Bandwidth: the Application\'s status callback URL [env: TELHOOK_TO]. Default: listen\'s address' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l inbound-callback-url -d 'Bandwidth: the Application\'s inbound callback URL, where texts to the app\'s numbers go [env: TELHOOK_TO]. Default: listen\'s address' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l number -d 'Bandwidth: one of the app\'s own numbers (repeatable): a group text gives a callback for each of them among its recipients' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l callback-auth -d 'Bandwidth: the Application\'s callback credentials: callbacks are sent without, and again with them after a 401 challenge [env: TELHOOK_BASIC_AUTH]' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l private-key -d 'Telnyx private key the webhooks are signed with (a key or a key file, as `sign`) [env: TELHOOK_PRIVATE_KEY]. Without one: as `send` finds it (your default key pair)' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l latency -d 'Time between the API\'s answer and a message\'s first webhook, and between its webhooks (e.g. 50ms, 2s). Default: 50ms; with --provider-timing, 1s and then 3s, as real delivery receipts take seconds' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l concurrency -d 'Webhook deliveries in flight at once; more wait their turn' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l seed -d 'Draw ids from this seed and times from a clock of its own (from 2026-01-01T00:00:00Z, a second per API call): the same requests give the same ids and times' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l capture -d 'Append every API call and every webhook attempt to this file, one JSON line each (a timeline that validate, verify and replay read)' -r -F
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l max-messages -d 'Messages kept for GET; older ones are forgotten' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l max-pending -d 'Calls whose webhooks are held at once; past it, a call waits (--pending-wait) for an earlier call\'s webhooks to finish, then is answered 429' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l pending-wait -d 'How long a call past --max-pending waits for room before its 429 (e.g. 2s, 500ms)' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l max-attempts -d 'Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its 24 hours of retries)' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l backoff -d 'First wait between attempts, doubling after each: the providers\' minutes compressed (e.g. 250ms, 1s)' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l timeout -d 'How long an answer may take, instead of the provider\'s (Telnyx 2s; Bandwidth 10s for messaging and v1, 15s for voice)' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l exit-after -d 'Exit after this long (e.g. 30s, 5m), once the webhooks due are delivered' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l capture-credentials -d 'Keep Authorization values in the capture verbatim (by default only the scheme and a Basic user are kept: `Basic <redacted user=bw>`)'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l provider-timing -d 'Wait as the providers do between attempts (minutes) instead of --backoff'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -f -a "messages" -d 'List the messages a running emulator keeps (sent through its API or texted in), oldest first: provider, id, status, sender and recipients'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -f -a "reset" -d 'Make a running emulator forget every message it keeps'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and not __fish_seen_subcommand_from messages reset settle" -f -a "settle" -d 'Wait until every webhook a running emulator has due is delivered or given up; exit 1 if some are still in flight after --timeout'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from messages" -s p -l provider -d 'Only this provider\'s messages' -r -f -a "telnyx\t''
bandwidth\t''"
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from messages" -l emulator -d 'The running emulator\'s address' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from messages" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from messages" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from messages" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from messages" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from messages" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from messages" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from reset" -l emulator -d 'The running emulator\'s address' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from reset" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from reset" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from settle" -l timeout -d 'How long to wait for the webhooks (at most 5m)' -r
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from settle" -l emulator -d 'The running emulator\'s address' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from settle" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from settle" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from settle" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from settle" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from settle" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand emulate; and __fish_seen_subcommand_from settle" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand text" -l from -d 'The person\'s number (+E.164)' -r
complete -c telhook -n "__fish_telhook_using_subcommand text" -l to -d 'The app\'s number the text goes to; repeat for a group text' -r
complete -c telhook -n "__fish_telhook_using_subcommand text" -l media -d 'A media URL (an MMS); repeatable' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand text" -s p -l provider -d 'Which provider the text comes through (needed when the emulator serves both)' -r -f -a "telnyx\t''
bandwidth\t''"
complete -c telhook -n "__fish_telhook_using_subcommand text" -l emulator -d 'The running emulator\'s address' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand text" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand text" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand text" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand text" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand text" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand text" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l to -d 'The URL to deliver to [env: TELHOOK_TO] (default: the config files\' `to`, else http://127.0.0.1:5000/, where `telhook listen` listens); `http://` when it has no scheme' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l failover-url -d 'Where to deliver once the attempts on --to are used up (Telnyx\'s failover URL, Bandwidth\'s fallback URL)' -r -f
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l concurrency -d 'Deliveries in flight at once' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l rate -d 'Start at most R events per second' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l private-key -d 'Telnyx private key (a key or a key file, as `sign`) [env: TELHOOK_PRIVATE_KEY]. Without one: ./telnyx.key, the config files\' private_key, else your default key pair (made on first use; `telhook config` shows which)' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l basic-auth -d 'Bandwidth credentials for its challenge flow: the first request carries none, a 401 with WWW-Authenticate is answered with them [env: TELHOOK_BASIC_AUTH]' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l max-attempts -d 'Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its 24 hours of retries)' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l backoff -d 'First wait between attempts, doubling after each: the providers\' minutes compressed (e.g. 250ms, 1s)' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l timeout -d 'How long an answer may take, instead of the provider\'s (Telnyx 2s; Bandwidth 10s for messaging and v1, 15s for voice)' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -s H -l header -d 'Add a header to every request (\'Name: value\'); replaces the provider\'s header of that name. Repeatable' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -s p -l provider -d 'Only this provider\'s events (payloads telhook cannot place are taken as this provider\'s)' -r -f -a "telnyx\t''
bandwidth\t''"
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l event -d 'Only events whose catalog name matches this glob (`*`, `?`; e.g. \'message.*\'). Repeatable: any may match' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l id -d 'Only the event with this id (as `listen` shows it). Repeatable' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l since -d 'Only requests captured at or after this time (RFC 3339 or Unix seconds)' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l until -d 'Only requests captured before this time (RFC 3339 or Unix seconds)' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l seed -d 'Seed for --shuffle' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l expect -d 'The statuses that count as handled: a class (2xx), codes, or both (200,204)' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l report -d 'Write a report: junit=FILE (JUnit XML, one testcase per event) or json=FILE. Repeatable' -r
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l no-signature -d 'Send Telnyx events without signature headers'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l provider-timing -d 'Wait as the providers do between attempts (minutes) instead of --backoff'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l insecure -d 'Accept self-signed and otherwise invalid TLS certificates'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l keep-headers -d 'Send the captured headers unchanged, old signature and timestamp included (a receiver should reject them as stale or replayed); by default Telnyx events are signed afresh'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l no-retry -d 'One attempt per event: no retries, no failover'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l shuffle -d 'Deliver in a random order (never the original one); reads all inputs first'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l twice -d 'Deliver every event twice, to check the receiver is idempotent'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l expect-bxml -d 'Bandwidth voice callbacks that take BXML must be answered 200 with a well-formed <Response> document'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l stop-on-malformed -d 'Stop at the first malformed record (exit 2) instead of reporting and skipping it'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand replay" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand validate" -l event -d 'Validate every payload as this event instead of recognising it (`telnyx/message.finalized`)' -r
complete -c telhook -n "__fish_telhook_using_subcommand validate" -l jobs -d 'Worker threads (default: the number of CPUs)' -r
complete -c telhook -n "__fish_telhook_using_subcommand validate" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand validate" -l report-unlisted -d 'Also report fields the documented schema does not list'
complete -c telhook -n "__fish_telhook_using_subcommand validate" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand validate" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand validate" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand validate" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand validate" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand schema" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand schema" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand schema" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand schema" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand schema" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand schema" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand config" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand config" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand config" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand config" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand config" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand config" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand completions" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand completions" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand completions" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand completions" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand completions" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand completions" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand man" -l color -d 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c telhook -n "__fish_telhook_using_subcommand man" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand man" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand man" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand man" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand man" -s V -l version -d 'Print version'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "demo" -d 'Run the whole tool once, nothing to configure: a local listener receives every event of both providers, signed and authenticated, plus the failures to recognise'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "events" -d 'List every event telhook knows, for both providers'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "example" -d 'Print a realistic payload for an event, exactly as the provider would send it'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "keygen" -d 'Make an Ed25519 key pair for signing Telnyx webhooks'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "sign" -d 'Sign a body the way Telnyx does and print the two signature headers'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "verify" -d 'Check a Telnyx signature offline and say exactly why it fails'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "send" -d 'Deliver events to a URL exactly as Telnyx or Bandwidth would: signed, retried, judged'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "listen" -d 'Receive webhooks locally: verify, print and capture every request'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "emulate" -d 'Run a local Telnyx and Bandwidth messaging API: point your app\'s API base URL at it, and the webhooks about each message it sends arrive at your app, signed or authenticated'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "text" -d 'Make a person text one of your app\'s numbers, through a running `telhook emulate`'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "replay" -d 'Re-deliver captured or stored webhooks to a URL, with a verdict (and reports) CI can trust'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "validate" -d 'Check payloads against the documented schema of their event'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "schema" -d 'Print the JSON Schema of an event'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "config" -d 'Show the settings send, listen and the rest use when not given flags, and where each comes from (flag > environment > ./telnyx.* (keys) > project file > user file > built-in)'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "man" -d 'Print the manual page (roff; e.g. `telhook man > telhook.1`, `man ./telhook.1`)'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen emulate text replay validate schema config completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c telhook -n "__fish_telhook_using_subcommand help; and __fish_seen_subcommand_from emulate" -f -a "messages" -d 'List the messages a running emulator keeps (sent through its API or texted in), oldest first: provider, id, status, sender and recipients'
complete -c telhook -n "__fish_telhook_using_subcommand help; and __fish_seen_subcommand_from emulate" -f -a "reset" -d 'Make a running emulator forget every message it keeps'
complete -c telhook -n "__fish_telhook_using_subcommand help; and __fish_seen_subcommand_from emulate" -f -a "settle" -d 'Wait until every webhook a running emulator has due is delivered or given up; exit 1 if some are still in flight after --timeout'

# What clap cannot know, written by `telhook completions fish` from telhook's catalog and its
# command line: providers, and after PROVIDER that provider's events; after --variant the
# variants of the event named, after --flow the provider's flows, after --event event names.

# The values of a kind, for a provider (and the events named), with their descriptions.
function __telhook_values --argument-names kind provider
    switch $kind
        case providers
            printf '%s\n' telnyx bandwidth
        case events
            switch $provider
                case telnyx
                    printf '%s\t%s\n' \
                        message.received 'An SMS or MMS reached one of your numbers' \
                        message.sent 'Your message was handed to the carrier' \
                        message.finalized 'Your message reached a final state (delivery receipt)' \
                        message.read 'A recipient read your RCS or WhatsApp message (read receipt)' \
                        link_clicked 'A recipient clicked a shortened link in your message' \
                        call.initiated 'A call started: an incoming call, or one you dialled' \
                        call.answered 'The call was answered' \
                        call.bridged 'Two call legs were bridged together' \
                        call.hangup 'The call ended; carries the hangup cause and quality stats' \
                        call.hold 'The call was put on hold' \
                        call.unhold 'The call was taken off hold' \
                        call.dtmf.received 'A DTMF digit was received on the call' \
                        call.gather.ended 'A gather command finished collecting digits' \
                        call.playback.started 'Audio playback started on the call' \
                        call.playback.ended 'Audio playback ended on the call' \
                        call.speak.started 'Text-to-speech started on the call' \
                        call.speak.ended 'Text-to-speech ended on the call' \
                        call.recording.saved 'A call recording was saved; carries download URLs' \
                        call.recording.error 'A call recording failed' \
                        call.recording.transcription.saved 'The transcription of a call recording was saved' \
                        call.machine.detection.ended 'Answering-machine detection finished (human, machine)' \
                        call.machine.greeting.ended 'The answering-machine greeting ended (beep detected or not)' \
                        call.machine.premium.detection.started 'Premium answering-machine detection started on the call' \
                        call.machine.premium.detection.ended 'Premium answering-machine detection finished' \
                        call.machine.premium.greeting.ended 'Premium detection: the machine greeting ended (beep or not)' \
                        call.machine.premium.call_screening.detected 'Premium detection heard an Apple Call Screening prompt and restarts' \
                        call.enqueued 'The call was placed in a queue' \
                        call.dequeued 'The call left a queue' \
                        call.fork.started 'Media forking of the call started' \
                        call.fork.stopped 'Media forking of the call stopped' \
                        call.refer.started 'A SIP REFER transfer started' \
                        call.refer.completed 'A SIP REFER transfer completed' \
                        call.refer.failed 'A SIP REFER transfer failed' \
                        call.transcription 'Real-time transcription of the call produced text' \
                        call.cost 'The cost of the call: billed parts and total' \
                        call.ai_gather.ended 'An AI gather finished with its result' \
                        call.ai_gather.partial_results 'An AI gather produced partial results' \
                        call.ai_gather.message_history_updated 'The message history of an AI gather changed' \
                        call.conversation.created 'An AI assistant conversation was created for the call' \
                        call.conversation.start_failed 'The AI assistant for the call could not be started' \
                        call.conversation.ended 'An AI assistant conversation on the call ended' \
                        call.conversation_insights.generated 'Insights for an AI conversation were generated' \
                        call.analyzed 'Session analysis of an AI assistant call: cost, recordings, insights' \
                        call.deepfake_detection.result 'Deepfake detection produced a verdict' \
                        call.deepfake_detection.error 'Deepfake detection failed' \
                        call.payment.progress 'A step of a Pay session (card or bank details by DTMF) progressed' \
                        call.payment.completed 'A Pay session on the call finished: charged, tokenized or failed' \
                        conference.created 'A conference was created' \
                        conference.ended 'A conference ended' \
                        conference.floor.changed 'Another participant took the conference floor' \
                        conference.participant.joined 'A participant joined a conference' \
                        conference.participant.left 'A participant left a conference' \
                        conference.participant.playback.started 'Playback to a conference participant started' \
                        conference.participant.playback.ended 'Playback to a conference participant ended' \
                        conference.participant.speak.started 'Text-to-speech to a participant started' \
                        conference.participant.speak.ended 'Text-to-speech to a participant ended' \
                        conference.playback.started 'Playback to the whole conference started' \
                        conference.playback.ended 'Playback to the whole conference ended' \
                        conference.speak.started 'Text-to-speech to the whole conference started' \
                        conference.speak.ended 'Text-to-speech to the whole conference ended' \
                        conference.recording.saved 'A conference recording was saved' \
                        fax.queued 'Your fax was queued for sending' \
                        fax.media.processed 'The document of your fax was processed' \
                        fax.sending.started 'Your fax started sending' \
                        fax.delivered 'Your fax was delivered' \
                        fax.failed 'Your fax failed; carries the failure reason' \
                        streaming.started 'Media streaming to your WebSocket started' \
                        streaming.stopped 'Media streaming to your WebSocket stopped' \
                        streaming.failed 'Media streaming could not start or broke' \
                        siprec.started 'A SIPREC recording session started' \
                        siprec.stopped 'A SIPREC recording session stopped' \
                        siprec.failed 'A SIPREC recording session failed' \
                        messaging_hosted_numbers_orders.created 'You created a hosted-number order' \
                        messaging_hosted_numbers_orders.updated 'A hosted-number order changed status' \
                        messaging_hosted_numbers_orders.deleted 'A hosted-number order was deleted' \
                        messaging_hosted_numbers_orders.internal_transfer_detected 'The numbers of your hosted-number order are active on another Telnyx account' \
                        messaging_hosted_numbers_orders.internal_transfer_approval_requested 'A hosted-number transfer needs your approval' \
                        messaging_hosted_numbers_orders.internal_transfer_approved 'The other account approved the hosted-number transfer' \
                        messaging_hosted_numbers_orders.internal_transfer_rejected 'The other account rejected the hosted-number transfer' \
                        messaging_hosted_numbers_orders.internal_transfer_auto_approved 'The hosted-number transfer was approved when its deadline passed' \
                        number_order.complete 'A number order you placed completed' \
                        number_reputation.external_verification.status_changed 'The ownership proof for your externally hosted numbers was reviewed' \
                        number_reputation.number.flagged 'A monitored number needs its ownership confirmed' \
                        number_reputation.number.removed 'A monitored number was removed from reputation monitoring' \
                        campaignStatusUpdate 'A 10DLC campaign\'s registration status changed' \
                        session.status_changed 'A meeting session changed status (joining, admitted, ended)' \
                        transcript.completed 'The transcript of a meeting session is final' \
                        recording.available 'The recordings of a meeting session can be fetched' \
                        artifact.completed 'An AI artifact of a meeting session (summary, action items) is ready' \
                        artifact.failed 'An AI artifact of a meeting session could not be made' \
                        whatsapp.account.update 'Meta reported a coexistence lifecycle change of a WhatsApp Business Account' \
                        whatsapp.waba_added 'A WhatsApp Business Account signup session finished' \
                        message.echo 'A message sent from the WhatsApp Business app, mirrored (coexistence)'
                case bandwidth
                    printf '%s\t%s\n' \
                        message-received 'An SMS or MMS reached one of your numbers' \
                        message-sending 'Your MMS is on its way to the carrier (MMS delivery receipts)' \
                        message-delivered 'Your message reached the carrier (or the handset, toll-free)' \
                        message-failed 'Your message could not be delivered; carries an errorCode' \
                        message-sent 'Your message left Bandwidth toward the carrier (2025+ API)' \
                        message-read 'The recipient read your RBM message (2025+ API)' \
                        suggestion-response 'A person tapped a suggested reply of your RBM message' \
                        requested-location-response 'A person shared the location your RBM message asked for' \
                        initiate 'A call is coming in to one of your numbers; reply with BXML' \
                        answer 'Your outbound call was answered; reply with BXML' \
                        bridgeComplete 'A <Bridge> ended; the call continues with your BXML' \
                        bridgeTargetComplete 'The target call of a <Bridge> left it; reply with BXML' \
                        conferenceCreated 'A <Conference> was created; 204 or conference BXML' \
                        conferenceMemberJoin 'A call joined a conference; 204 or conference BXML' \
                        conferenceMemberExit 'A call left a conference; 204 or conference BXML' \
                        conferenceRedirect 'A conference was redirected by an API update' \
                        conferenceCompleted 'The last member left and the conference ended' \
                        conferenceRecordingAvailable 'A conference recording is ready to download' \
                        disconnect 'A call ended; carries the cause' \
                        dtmf 'A caller pressed a key during <StartGather>' \
                        gather 'A <Gather> finished collecting digits; reply with BXML' \
                        machineDetectionComplete 'Asynchronous answering-machine detection finished' \
                        recordComplete 'A <Record> finished; reply with BXML to go on' \
                        recordingAvailable 'A call recording is ready to download' \
                        redirect 'A <Redirect> or call update asks for new BXML' \
                        transcriptionAvailable 'The transcription of a recording is ready' \
                        transferAnswer 'The far end of a <Transfer> answered; BXML for that leg' \
                        transferComplete 'A <Transfer> ended; the original call goes on with BXML' \
                        referComplete 'A <Refer> finished; on failure the call goes on with BXML' \
                        transferDisconnect 'A leg created by <Transfer> hung up' \
                        mediaStreamStarted 'A <StartStream> WebSocket media stream started' \
                        mediaStreamStopped 'A media stream ended; carries the cause' \
                        mediaStreamRejected 'A media stream could not start (e.g. duplicate name)' \
                        realTimeTranscriptionStarted 'A <StartTranscription> real-time transcription began' \
                        realTimeTranscriptionStopped 'A real-time transcription ended; carries the cause' \
                        realTimeTranscriptionAvailable 'The full text of a real-time transcription is ready' \
                        realTimeTranscriptionRejected 'A real-time transcription could not start' \
                        v1-sms 'v1 Catapult SMS event (incoming message or outgoing status)' \
                        v1-mms 'v1 Catapult MMS received on one of your numbers' \
                        v1-answer 'v1 Catapult call answered' \
                        v1-playback 'v1 Catapult audio playback on a call started or finished' \
                        v1-timeout 'v1 Catapult outbound call was not answered in time' \
                        v1-conference 'v1 Catapult conference created or completed' \
                        v1-conference-playback 'v1 Catapult audio playback in a conference' \
                        v1-conference-member 'v1 Catapult conference member joined, left or changed' \
                        v1-conference-speak 'v1 Catapult text-to-speech in a conference' \
                        v1-dtmf 'v1 Catapult caller pressed a key' \
                        v1-gather 'v1 Catapult gather of digits completed' \
                        v1-incomingcall 'v1 Catapult call coming in to one of your numbers' \
                        v1-hangup 'v1 Catapult call ended' \
                        v1-reject 'v1 Catapult call rejected (a hangup with CALL_REJECTED)' \
                        v1-recording 'v1 Catapult call recording saved (or failed)' \
                        v1-speak 'v1 Catapult text-to-speech on a call started or finished' \
                        v1-transcription 'v1 Catapult recording transcription finished' \
                        message-queued 'the earlier name of message-sending (queued)' \
                        recordingComplete 'the earlier name of recordComplete'
            end
        case names
            switch $provider
                case telnyx
                    printf '%s\t%s\n' \
                        message.received 'An SMS or MMS reached one of your numbers' \
                        message.sent 'Your message was handed to the carrier' \
                        message.finalized 'Your message reached a final state (delivery receipt)' \
                        message.read 'A recipient read your RCS or WhatsApp message (read receipt)' \
                        link_clicked 'A recipient clicked a shortened link in your message' \
                        call.initiated 'A call started: an incoming call, or one you dialled' \
                        call.answered 'The call was answered' \
                        call.bridged 'Two call legs were bridged together' \
                        call.hangup 'The call ended; carries the hangup cause and quality stats' \
                        call.hold 'The call was put on hold' \
                        call.unhold 'The call was taken off hold' \
                        call.dtmf.received 'A DTMF digit was received on the call' \
                        call.gather.ended 'A gather command finished collecting digits' \
                        call.playback.started 'Audio playback started on the call' \
                        call.playback.ended 'Audio playback ended on the call' \
                        call.speak.started 'Text-to-speech started on the call' \
                        call.speak.ended 'Text-to-speech ended on the call' \
                        call.recording.saved 'A call recording was saved; carries download URLs' \
                        call.recording.error 'A call recording failed' \
                        call.recording.transcription.saved 'The transcription of a call recording was saved' \
                        call.machine.detection.ended 'Answering-machine detection finished (human, machine)' \
                        call.machine.greeting.ended 'The answering-machine greeting ended (beep detected or not)' \
                        call.machine.premium.detection.started 'Premium answering-machine detection started on the call' \
                        call.machine.premium.detection.ended 'Premium answering-machine detection finished' \
                        call.machine.premium.greeting.ended 'Premium detection: the machine greeting ended (beep or not)' \
                        call.machine.premium.call_screening.detected 'Premium detection heard an Apple Call Screening prompt and restarts' \
                        call.enqueued 'The call was placed in a queue' \
                        call.dequeued 'The call left a queue' \
                        call.fork.started 'Media forking of the call started' \
                        call.fork.stopped 'Media forking of the call stopped' \
                        call.refer.started 'A SIP REFER transfer started' \
                        call.refer.completed 'A SIP REFER transfer completed' \
                        call.refer.failed 'A SIP REFER transfer failed' \
                        call.transcription 'Real-time transcription of the call produced text' \
                        call.cost 'The cost of the call: billed parts and total' \
                        call.ai_gather.ended 'An AI gather finished with its result' \
                        call.ai_gather.partial_results 'An AI gather produced partial results' \
                        call.ai_gather.message_history_updated 'The message history of an AI gather changed' \
                        call.conversation.created 'An AI assistant conversation was created for the call' \
                        call.conversation.start_failed 'The AI assistant for the call could not be started' \
                        call.conversation.ended 'An AI assistant conversation on the call ended' \
                        call.conversation_insights.generated 'Insights for an AI conversation were generated' \
                        call.analyzed 'Session analysis of an AI assistant call: cost, recordings, insights' \
                        call.deepfake_detection.result 'Deepfake detection produced a verdict' \
                        call.deepfake_detection.error 'Deepfake detection failed' \
                        call.payment.progress 'A step of a Pay session (card or bank details by DTMF) progressed' \
                        call.payment.completed 'A Pay session on the call finished: charged, tokenized or failed' \
                        conference.created 'A conference was created' \
                        conference.ended 'A conference ended' \
                        conference.floor.changed 'Another participant took the conference floor' \
                        conference.participant.joined 'A participant joined a conference' \
                        conference.participant.left 'A participant left a conference' \
                        conference.participant.playback.started 'Playback to a conference participant started' \
                        conference.participant.playback.ended 'Playback to a conference participant ended' \
                        conference.participant.speak.started 'Text-to-speech to a participant started' \
                        conference.participant.speak.ended 'Text-to-speech to a participant ended' \
                        conference.playback.started 'Playback to the whole conference started' \
                        conference.playback.ended 'Playback to the whole conference ended' \
                        conference.speak.started 'Text-to-speech to the whole conference started' \
                        conference.speak.ended 'Text-to-speech to the whole conference ended' \
                        conference.recording.saved 'A conference recording was saved' \
                        fax.queued 'Your fax was queued for sending' \
                        fax.media.processed 'The document of your fax was processed' \
                        fax.sending.started 'Your fax started sending' \
                        fax.delivered 'Your fax was delivered' \
                        fax.failed 'Your fax failed; carries the failure reason' \
                        streaming.started 'Media streaming to your WebSocket started' \
                        streaming.stopped 'Media streaming to your WebSocket stopped' \
                        streaming.failed 'Media streaming could not start or broke' \
                        siprec.started 'A SIPREC recording session started' \
                        siprec.stopped 'A SIPREC recording session stopped' \
                        siprec.failed 'A SIPREC recording session failed' \
                        messaging_hosted_numbers_orders.created 'You created a hosted-number order' \
                        messaging_hosted_numbers_orders.updated 'A hosted-number order changed status' \
                        messaging_hosted_numbers_orders.deleted 'A hosted-number order was deleted' \
                        messaging_hosted_numbers_orders.internal_transfer_detected 'The numbers of your hosted-number order are active on another Telnyx account' \
                        messaging_hosted_numbers_orders.internal_transfer_approval_requested 'A hosted-number transfer needs your approval' \
                        messaging_hosted_numbers_orders.internal_transfer_approved 'The other account approved the hosted-number transfer' \
                        messaging_hosted_numbers_orders.internal_transfer_rejected 'The other account rejected the hosted-number transfer' \
                        messaging_hosted_numbers_orders.internal_transfer_auto_approved 'The hosted-number transfer was approved when its deadline passed' \
                        number_order.complete 'A number order you placed completed' \
                        number_reputation.external_verification.status_changed 'The ownership proof for your externally hosted numbers was reviewed' \
                        number_reputation.number.flagged 'A monitored number needs its ownership confirmed' \
                        number_reputation.number.removed 'A monitored number was removed from reputation monitoring' \
                        campaignStatusUpdate 'A 10DLC campaign\'s registration status changed' \
                        session.status_changed 'A meeting session changed status (joining, admitted, ended)' \
                        transcript.completed 'The transcript of a meeting session is final' \
                        recording.available 'The recordings of a meeting session can be fetched' \
                        artifact.completed 'An AI artifact of a meeting session (summary, action items) is ready' \
                        artifact.failed 'An AI artifact of a meeting session could not be made' \
                        whatsapp.account.update 'Meta reported a coexistence lifecycle change of a WhatsApp Business Account' \
                        whatsapp.waba_added 'A WhatsApp Business Account signup session finished' \
                        message.echo 'A message sent from the WhatsApp Business app, mirrored (coexistence)'
                case bandwidth
                    printf '%s\t%s\n' \
                        message-received 'An SMS or MMS reached one of your numbers' \
                        message-sending 'Your MMS is on its way to the carrier (MMS delivery receipts)' \
                        message-delivered 'Your message reached the carrier (or the handset, toll-free)' \
                        message-failed 'Your message could not be delivered; carries an errorCode' \
                        message-sent 'Your message left Bandwidth toward the carrier (2025+ API)' \
                        message-read 'The recipient read your RBM message (2025+ API)' \
                        suggestion-response 'A person tapped a suggested reply of your RBM message' \
                        requested-location-response 'A person shared the location your RBM message asked for' \
                        initiate 'A call is coming in to one of your numbers; reply with BXML' \
                        answer 'Your outbound call was answered; reply with BXML' \
                        bridgeComplete 'A <Bridge> ended; the call continues with your BXML' \
                        bridgeTargetComplete 'The target call of a <Bridge> left it; reply with BXML' \
                        conferenceCreated 'A <Conference> was created; 204 or conference BXML' \
                        conferenceMemberJoin 'A call joined a conference; 204 or conference BXML' \
                        conferenceMemberExit 'A call left a conference; 204 or conference BXML' \
                        conferenceRedirect 'A conference was redirected by an API update' \
                        conferenceCompleted 'The last member left and the conference ended' \
                        conferenceRecordingAvailable 'A conference recording is ready to download' \
                        disconnect 'A call ended; carries the cause' \
                        dtmf 'A caller pressed a key during <StartGather>' \
                        gather 'A <Gather> finished collecting digits; reply with BXML' \
                        machineDetectionComplete 'Asynchronous answering-machine detection finished' \
                        recordComplete 'A <Record> finished; reply with BXML to go on' \
                        recordingAvailable 'A call recording is ready to download' \
                        redirect 'A <Redirect> or call update asks for new BXML' \
                        transcriptionAvailable 'The transcription of a recording is ready' \
                        transferAnswer 'The far end of a <Transfer> answered; BXML for that leg' \
                        transferComplete 'A <Transfer> ended; the original call goes on with BXML' \
                        referComplete 'A <Refer> finished; on failure the call goes on with BXML' \
                        transferDisconnect 'A leg created by <Transfer> hung up' \
                        mediaStreamStarted 'A <StartStream> WebSocket media stream started' \
                        mediaStreamStopped 'A media stream ended; carries the cause' \
                        mediaStreamRejected 'A media stream could not start (e.g. duplicate name)' \
                        realTimeTranscriptionStarted 'A <StartTranscription> real-time transcription began' \
                        realTimeTranscriptionStopped 'A real-time transcription ended; carries the cause' \
                        realTimeTranscriptionAvailable 'The full text of a real-time transcription is ready' \
                        realTimeTranscriptionRejected 'A real-time transcription could not start' \
                        v1-sms 'v1 Catapult SMS event (incoming message or outgoing status)' \
                        v1-mms 'v1 Catapult MMS received on one of your numbers' \
                        v1-answer 'v1 Catapult call answered' \
                        v1-playback 'v1 Catapult audio playback on a call started or finished' \
                        v1-timeout 'v1 Catapult outbound call was not answered in time' \
                        v1-conference 'v1 Catapult conference created or completed' \
                        v1-conference-playback 'v1 Catapult audio playback in a conference' \
                        v1-conference-member 'v1 Catapult conference member joined, left or changed' \
                        v1-conference-speak 'v1 Catapult text-to-speech in a conference' \
                        v1-dtmf 'v1 Catapult caller pressed a key' \
                        v1-gather 'v1 Catapult gather of digits completed' \
                        v1-incomingcall 'v1 Catapult call coming in to one of your numbers' \
                        v1-hangup 'v1 Catapult call ended' \
                        v1-reject 'v1 Catapult call rejected (a hangup with CALL_REJECTED)' \
                        v1-recording 'v1 Catapult call recording saved (or failed)' \
                        v1-speak 'v1 Catapult text-to-speech on a call started or finished' \
                        v1-transcription 'v1 Catapult recording transcription finished'
                case '*'
                    printf '%s\t%s\n' \
                        message.received 'An SMS or MMS reached one of your numbers' \
                        message.sent 'Your message was handed to the carrier' \
                        message.finalized 'Your message reached a final state (delivery receipt)' \
                        message.read 'A recipient read your RCS or WhatsApp message (read receipt)' \
                        link_clicked 'A recipient clicked a shortened link in your message' \
                        call.initiated 'A call started: an incoming call, or one you dialled' \
                        call.answered 'The call was answered' \
                        call.bridged 'Two call legs were bridged together' \
                        call.hangup 'The call ended; carries the hangup cause and quality stats' \
                        call.hold 'The call was put on hold' \
                        call.unhold 'The call was taken off hold' \
                        call.dtmf.received 'A DTMF digit was received on the call' \
                        call.gather.ended 'A gather command finished collecting digits' \
                        call.playback.started 'Audio playback started on the call' \
                        call.playback.ended 'Audio playback ended on the call' \
                        call.speak.started 'Text-to-speech started on the call' \
                        call.speak.ended 'Text-to-speech ended on the call' \
                        call.recording.saved 'A call recording was saved; carries download URLs' \
                        call.recording.error 'A call recording failed' \
                        call.recording.transcription.saved 'The transcription of a call recording was saved' \
                        call.machine.detection.ended 'Answering-machine detection finished (human, machine)' \
                        call.machine.greeting.ended 'The answering-machine greeting ended (beep detected or not)' \
                        call.machine.premium.detection.started 'Premium answering-machine detection started on the call' \
                        call.machine.premium.detection.ended 'Premium answering-machine detection finished' \
                        call.machine.premium.greeting.ended 'Premium detection: the machine greeting ended (beep or not)' \
                        call.machine.premium.call_screening.detected 'Premium detection heard an Apple Call Screening prompt and restarts' \
                        call.enqueued 'The call was placed in a queue' \
                        call.dequeued 'The call left a queue' \
                        call.fork.started 'Media forking of the call started' \
                        call.fork.stopped 'Media forking of the call stopped' \
                        call.refer.started 'A SIP REFER transfer started' \
                        call.refer.completed 'A SIP REFER transfer completed' \
                        call.refer.failed 'A SIP REFER transfer failed' \
                        call.transcription 'Real-time transcription of the call produced text' \
                        call.cost 'The cost of the call: billed parts and total' \
                        call.ai_gather.ended 'An AI gather finished with its result' \
                        call.ai_gather.partial_results 'An AI gather produced partial results' \
                        call.ai_gather.message_history_updated 'The message history of an AI gather changed' \
                        call.conversation.created 'An AI assistant conversation was created for the call' \
                        call.conversation.start_failed 'The AI assistant for the call could not be started' \
                        call.conversation.ended 'An AI assistant conversation on the call ended' \
                        call.conversation_insights.generated 'Insights for an AI conversation were generated' \
                        call.analyzed 'Session analysis of an AI assistant call: cost, recordings, insights' \
                        call.deepfake_detection.result 'Deepfake detection produced a verdict' \
                        call.deepfake_detection.error 'Deepfake detection failed' \
                        call.payment.progress 'A step of a Pay session (card or bank details by DTMF) progressed' \
                        call.payment.completed 'A Pay session on the call finished: charged, tokenized or failed' \
                        conference.created 'A conference was created' \
                        conference.ended 'A conference ended' \
                        conference.floor.changed 'Another participant took the conference floor' \
                        conference.participant.joined 'A participant joined a conference' \
                        conference.participant.left 'A participant left a conference' \
                        conference.participant.playback.started 'Playback to a conference participant started' \
                        conference.participant.playback.ended 'Playback to a conference participant ended' \
                        conference.participant.speak.started 'Text-to-speech to a participant started' \
                        conference.participant.speak.ended 'Text-to-speech to a participant ended' \
                        conference.playback.started 'Playback to the whole conference started' \
                        conference.playback.ended 'Playback to the whole conference ended' \
                        conference.speak.started 'Text-to-speech to the whole conference started' \
                        conference.speak.ended 'Text-to-speech to the whole conference ended' \
                        conference.recording.saved 'A conference recording was saved' \
                        fax.queued 'Your fax was queued for sending' \
                        fax.media.processed 'The document of your fax was processed' \
                        fax.sending.started 'Your fax started sending' \
                        fax.delivered 'Your fax was delivered' \
                        fax.failed 'Your fax failed; carries the failure reason' \
                        streaming.started 'Media streaming to your WebSocket started' \
                        streaming.stopped 'Media streaming to your WebSocket stopped' \
                        streaming.failed 'Media streaming could not start or broke' \
                        siprec.started 'A SIPREC recording session started' \
                        siprec.stopped 'A SIPREC recording session stopped' \
                        siprec.failed 'A SIPREC recording session failed' \
                        messaging_hosted_numbers_orders.created 'You created a hosted-number order' \
                        messaging_hosted_numbers_orders.updated 'A hosted-number order changed status' \
                        messaging_hosted_numbers_orders.deleted 'A hosted-number order was deleted' \
                        messaging_hosted_numbers_orders.internal_transfer_detected 'The numbers of your hosted-number order are active on another Telnyx account' \
                        messaging_hosted_numbers_orders.internal_transfer_approval_requested 'A hosted-number transfer needs your approval' \
                        messaging_hosted_numbers_orders.internal_transfer_approved 'The other account approved the hosted-number transfer' \
                        messaging_hosted_numbers_orders.internal_transfer_rejected 'The other account rejected the hosted-number transfer' \
                        messaging_hosted_numbers_orders.internal_transfer_auto_approved 'The hosted-number transfer was approved when its deadline passed' \
                        number_order.complete 'A number order you placed completed' \
                        number_reputation.external_verification.status_changed 'The ownership proof for your externally hosted numbers was reviewed' \
                        number_reputation.number.flagged 'A monitored number needs its ownership confirmed' \
                        number_reputation.number.removed 'A monitored number was removed from reputation monitoring' \
                        campaignStatusUpdate 'A 10DLC campaign\'s registration status changed' \
                        session.status_changed 'A meeting session changed status (joining, admitted, ended)' \
                        transcript.completed 'The transcript of a meeting session is final' \
                        recording.available 'The recordings of a meeting session can be fetched' \
                        artifact.completed 'An AI artifact of a meeting session (summary, action items) is ready' \
                        artifact.failed 'An AI artifact of a meeting session could not be made' \
                        whatsapp.account.update 'Meta reported a coexistence lifecycle change of a WhatsApp Business Account' \
                        whatsapp.waba_added 'A WhatsApp Business Account signup session finished' \
                        message.echo 'A message sent from the WhatsApp Business app, mirrored (coexistence)' \
                        message-received 'An SMS or MMS reached one of your numbers' \
                        message-sending 'Your MMS is on its way to the carrier (MMS delivery receipts)' \
                        message-delivered 'Your message reached the carrier (or the handset, toll-free)' \
                        message-failed 'Your message could not be delivered; carries an errorCode' \
                        message-sent 'Your message left Bandwidth toward the carrier (2025+ API)' \
                        message-read 'The recipient read your RBM message (2025+ API)' \
                        suggestion-response 'A person tapped a suggested reply of your RBM message' \
                        requested-location-response 'A person shared the location your RBM message asked for' \
                        initiate 'A call is coming in to one of your numbers; reply with BXML' \
                        answer 'Your outbound call was answered; reply with BXML' \
                        bridgeComplete 'A <Bridge> ended; the call continues with your BXML' \
                        bridgeTargetComplete 'The target call of a <Bridge> left it; reply with BXML' \
                        conferenceCreated 'A <Conference> was created; 204 or conference BXML' \
                        conferenceMemberJoin 'A call joined a conference; 204 or conference BXML' \
                        conferenceMemberExit 'A call left a conference; 204 or conference BXML' \
                        conferenceRedirect 'A conference was redirected by an API update' \
                        conferenceCompleted 'The last member left and the conference ended' \
                        conferenceRecordingAvailable 'A conference recording is ready to download' \
                        disconnect 'A call ended; carries the cause' \
                        dtmf 'A caller pressed a key during <StartGather>' \
                        gather 'A <Gather> finished collecting digits; reply with BXML' \
                        machineDetectionComplete 'Asynchronous answering-machine detection finished' \
                        recordComplete 'A <Record> finished; reply with BXML to go on' \
                        recordingAvailable 'A call recording is ready to download' \
                        redirect 'A <Redirect> or call update asks for new BXML' \
                        transcriptionAvailable 'The transcription of a recording is ready' \
                        transferAnswer 'The far end of a <Transfer> answered; BXML for that leg' \
                        transferComplete 'A <Transfer> ended; the original call goes on with BXML' \
                        referComplete 'A <Refer> finished; on failure the call goes on with BXML' \
                        transferDisconnect 'A leg created by <Transfer> hung up' \
                        mediaStreamStarted 'A <StartStream> WebSocket media stream started' \
                        mediaStreamStopped 'A media stream ended; carries the cause' \
                        mediaStreamRejected 'A media stream could not start (e.g. duplicate name)' \
                        realTimeTranscriptionStarted 'A <StartTranscription> real-time transcription began' \
                        realTimeTranscriptionStopped 'A real-time transcription ended; carries the cause' \
                        realTimeTranscriptionAvailable 'The full text of a real-time transcription is ready' \
                        realTimeTranscriptionRejected 'A real-time transcription could not start' \
                        v1-sms 'v1 Catapult SMS event (incoming message or outgoing status)' \
                        v1-mms 'v1 Catapult MMS received on one of your numbers' \
                        v1-answer 'v1 Catapult call answered' \
                        v1-playback 'v1 Catapult audio playback on a call started or finished' \
                        v1-timeout 'v1 Catapult outbound call was not answered in time' \
                        v1-conference 'v1 Catapult conference created or completed' \
                        v1-conference-playback 'v1 Catapult audio playback in a conference' \
                        v1-conference-member 'v1 Catapult conference member joined, left or changed' \
                        v1-conference-speak 'v1 Catapult text-to-speech in a conference' \
                        v1-dtmf 'v1 Catapult caller pressed a key' \
                        v1-gather 'v1 Catapult gather of digits completed' \
                        v1-incomingcall 'v1 Catapult call coming in to one of your numbers' \
                        v1-hangup 'v1 Catapult call ended' \
                        v1-reject 'v1 Catapult call rejected (a hangup with CALL_REJECTED)' \
                        v1-recording 'v1 Catapult call recording saved (or failed)' \
                        v1-speak 'v1 Catapult text-to-speech on a call started or finished' \
                        v1-transcription 'v1 Catapult recording transcription finished'
            end
        case flows
            switch $provider
                case telnyx
                    printf '%s\t%s\n' \
                        outbound-message 'an SMS you sent: message.sent, then message.finalized (delivered)' \
                        outbound-message-failed 'an SMS that was not delivered: message.sent, then message.finalized (delivery_failed)' \
                        call 'an incoming call: call.initiated, call.answered, call.hangup'
                case bandwidth
                    printf '%s\t%s\n' \
                        outbound-mms 'an MMS you sent: message-sending, then message-delivered' \
                        outbound-mms-failed 'an MMS that failed: message-sending, then message-failed' \
                        inbound-group 'a group message to two of your numbers: one message-received per number, each with its own id' \
                        call 'an incoming call: initiate, answer, gather, disconnect'
                case '*'
                    printf '%s\t%s\n' \
                        outbound-message 'telnyx: an SMS you sent: message.sent, then message.finalized (delivered)' \
                        outbound-message-failed 'telnyx: an SMS that was not delivered: message.sent, then message.finalized (delivery_failed)' \
                        call 'telnyx: an incoming call: call.initiated, call.answered, call.hangup; bandwidth: an incoming call: initiate, answer, gather, disconnect' \
                        outbound-mms 'bandwidth: an MMS you sent: message-sending, then message-delivered' \
                        outbound-mms-failed 'bandwidth: an MMS that failed: message-sending, then message-failed' \
                        inbound-group 'bandwidth: a group message to two of your numbers: one message-received per number, each with its own id'
            end
        case qualified
            printf '%s\t%s\n' \
                telnyx/message.received 'An SMS or MMS reached one of your numbers' \
                telnyx/message.sent 'Your message was handed to the carrier' \
                telnyx/message.finalized 'Your message reached a final state (delivery receipt)' \
                telnyx/message.read 'A recipient read your RCS or WhatsApp message (read receipt)' \
                telnyx/link_clicked 'A recipient clicked a shortened link in your message' \
                telnyx/call.initiated 'A call started: an incoming call, or one you dialled' \
                telnyx/call.answered 'The call was answered' \
                telnyx/call.bridged 'Two call legs were bridged together' \
                telnyx/call.hangup 'The call ended; carries the hangup cause and quality stats' \
                telnyx/call.hold 'The call was put on hold' \
                telnyx/call.unhold 'The call was taken off hold' \
                telnyx/call.dtmf.received 'A DTMF digit was received on the call' \
                telnyx/call.gather.ended 'A gather command finished collecting digits' \
                telnyx/call.playback.started 'Audio playback started on the call' \
                telnyx/call.playback.ended 'Audio playback ended on the call' \
                telnyx/call.speak.started 'Text-to-speech started on the call' \
                telnyx/call.speak.ended 'Text-to-speech ended on the call' \
                telnyx/call.recording.saved 'A call recording was saved; carries download URLs' \
                telnyx/call.recording.error 'A call recording failed' \
                telnyx/call.recording.transcription.saved 'The transcription of a call recording was saved' \
                telnyx/call.machine.detection.ended 'Answering-machine detection finished (human, machine)' \
                telnyx/call.machine.greeting.ended 'The answering-machine greeting ended (beep detected or not)' \
                telnyx/call.machine.premium.detection.started 'Premium answering-machine detection started on the call' \
                telnyx/call.machine.premium.detection.ended 'Premium answering-machine detection finished' \
                telnyx/call.machine.premium.greeting.ended 'Premium detection: the machine greeting ended (beep or not)' \
                telnyx/call.machine.premium.call_screening.detected 'Premium detection heard an Apple Call Screening prompt and restarts' \
                telnyx/call.enqueued 'The call was placed in a queue' \
                telnyx/call.dequeued 'The call left a queue' \
                telnyx/call.fork.started 'Media forking of the call started' \
                telnyx/call.fork.stopped 'Media forking of the call stopped' \
                telnyx/call.refer.started 'A SIP REFER transfer started' \
                telnyx/call.refer.completed 'A SIP REFER transfer completed' \
                telnyx/call.refer.failed 'A SIP REFER transfer failed' \
                telnyx/call.transcription 'Real-time transcription of the call produced text' \
                telnyx/call.cost 'The cost of the call: billed parts and total' \
                telnyx/call.ai_gather.ended 'An AI gather finished with its result' \
                telnyx/call.ai_gather.partial_results 'An AI gather produced partial results' \
                telnyx/call.ai_gather.message_history_updated 'The message history of an AI gather changed' \
                telnyx/call.conversation.created 'An AI assistant conversation was created for the call' \
                telnyx/call.conversation.start_failed 'The AI assistant for the call could not be started' \
                telnyx/call.conversation.ended 'An AI assistant conversation on the call ended' \
                telnyx/call.conversation_insights.generated 'Insights for an AI conversation were generated' \
                telnyx/call.analyzed 'Session analysis of an AI assistant call: cost, recordings, insights' \
                telnyx/call.deepfake_detection.result 'Deepfake detection produced a verdict' \
                telnyx/call.deepfake_detection.error 'Deepfake detection failed' \
                telnyx/call.payment.progress 'A step of a Pay session (card or bank details by DTMF) progressed' \
                telnyx/call.payment.completed 'A Pay session on the call finished: charged, tokenized or failed' \
                telnyx/conference.created 'A conference was created' \
                telnyx/conference.ended 'A conference ended' \
                telnyx/conference.floor.changed 'Another participant took the conference floor' \
                telnyx/conference.participant.joined 'A participant joined a conference' \
                telnyx/conference.participant.left 'A participant left a conference' \
                telnyx/conference.participant.playback.started 'Playback to a conference participant started' \
                telnyx/conference.participant.playback.ended 'Playback to a conference participant ended' \
                telnyx/conference.participant.speak.started 'Text-to-speech to a participant started' \
                telnyx/conference.participant.speak.ended 'Text-to-speech to a participant ended' \
                telnyx/conference.playback.started 'Playback to the whole conference started' \
                telnyx/conference.playback.ended 'Playback to the whole conference ended' \
                telnyx/conference.speak.started 'Text-to-speech to the whole conference started' \
                telnyx/conference.speak.ended 'Text-to-speech to the whole conference ended' \
                telnyx/conference.recording.saved 'A conference recording was saved' \
                telnyx/fax.queued 'Your fax was queued for sending' \
                telnyx/fax.media.processed 'The document of your fax was processed' \
                telnyx/fax.sending.started 'Your fax started sending' \
                telnyx/fax.delivered 'Your fax was delivered' \
                telnyx/fax.failed 'Your fax failed; carries the failure reason' \
                telnyx/streaming.started 'Media streaming to your WebSocket started' \
                telnyx/streaming.stopped 'Media streaming to your WebSocket stopped' \
                telnyx/streaming.failed 'Media streaming could not start or broke' \
                telnyx/siprec.started 'A SIPREC recording session started' \
                telnyx/siprec.stopped 'A SIPREC recording session stopped' \
                telnyx/siprec.failed 'A SIPREC recording session failed' \
                telnyx/messaging_hosted_numbers_orders.created 'You created a hosted-number order' \
                telnyx/messaging_hosted_numbers_orders.updated 'A hosted-number order changed status' \
                telnyx/messaging_hosted_numbers_orders.deleted 'A hosted-number order was deleted' \
                telnyx/messaging_hosted_numbers_orders.internal_transfer_detected 'The numbers of your hosted-number order are active on another Telnyx account' \
                telnyx/messaging_hosted_numbers_orders.internal_transfer_approval_requested 'A hosted-number transfer needs your approval' \
                telnyx/messaging_hosted_numbers_orders.internal_transfer_approved 'The other account approved the hosted-number transfer' \
                telnyx/messaging_hosted_numbers_orders.internal_transfer_rejected 'The other account rejected the hosted-number transfer' \
                telnyx/messaging_hosted_numbers_orders.internal_transfer_auto_approved 'The hosted-number transfer was approved when its deadline passed' \
                telnyx/number_order.complete 'A number order you placed completed' \
                telnyx/number_reputation.external_verification.status_changed 'The ownership proof for your externally hosted numbers was reviewed' \
                telnyx/number_reputation.number.flagged 'A monitored number needs its ownership confirmed' \
                telnyx/number_reputation.number.removed 'A monitored number was removed from reputation monitoring' \
                telnyx/campaignStatusUpdate 'A 10DLC campaign\'s registration status changed' \
                telnyx/session.status_changed 'A meeting session changed status (joining, admitted, ended)' \
                telnyx/transcript.completed 'The transcript of a meeting session is final' \
                telnyx/recording.available 'The recordings of a meeting session can be fetched' \
                telnyx/artifact.completed 'An AI artifact of a meeting session (summary, action items) is ready' \
                telnyx/artifact.failed 'An AI artifact of a meeting session could not be made' \
                telnyx/whatsapp.account.update 'Meta reported a coexistence lifecycle change of a WhatsApp Business Account' \
                telnyx/whatsapp.waba_added 'A WhatsApp Business Account signup session finished' \
                telnyx/message.echo 'A message sent from the WhatsApp Business app, mirrored (coexistence)' \
                bandwidth/message-received 'An SMS or MMS reached one of your numbers' \
                bandwidth/message-sending 'Your MMS is on its way to the carrier (MMS delivery receipts)' \
                bandwidth/message-delivered 'Your message reached the carrier (or the handset, toll-free)' \
                bandwidth/message-failed 'Your message could not be delivered; carries an errorCode' \
                bandwidth/message-sent 'Your message left Bandwidth toward the carrier (2025+ API)' \
                bandwidth/message-read 'The recipient read your RBM message (2025+ API)' \
                bandwidth/suggestion-response 'A person tapped a suggested reply of your RBM message' \
                bandwidth/requested-location-response 'A person shared the location your RBM message asked for' \
                bandwidth/initiate 'A call is coming in to one of your numbers; reply with BXML' \
                bandwidth/answer 'Your outbound call was answered; reply with BXML' \
                bandwidth/bridgeComplete 'A <Bridge> ended; the call continues with your BXML' \
                bandwidth/bridgeTargetComplete 'The target call of a <Bridge> left it; reply with BXML' \
                bandwidth/conferenceCreated 'A <Conference> was created; 204 or conference BXML' \
                bandwidth/conferenceMemberJoin 'A call joined a conference; 204 or conference BXML' \
                bandwidth/conferenceMemberExit 'A call left a conference; 204 or conference BXML' \
                bandwidth/conferenceRedirect 'A conference was redirected by an API update' \
                bandwidth/conferenceCompleted 'The last member left and the conference ended' \
                bandwidth/conferenceRecordingAvailable 'A conference recording is ready to download' \
                bandwidth/disconnect 'A call ended; carries the cause' \
                bandwidth/dtmf 'A caller pressed a key during <StartGather>' \
                bandwidth/gather 'A <Gather> finished collecting digits; reply with BXML' \
                bandwidth/machineDetectionComplete 'Asynchronous answering-machine detection finished' \
                bandwidth/recordComplete 'A <Record> finished; reply with BXML to go on' \
                bandwidth/recordingAvailable 'A call recording is ready to download' \
                bandwidth/redirect 'A <Redirect> or call update asks for new BXML' \
                bandwidth/transcriptionAvailable 'The transcription of a recording is ready' \
                bandwidth/transferAnswer 'The far end of a <Transfer> answered; BXML for that leg' \
                bandwidth/transferComplete 'A <Transfer> ended; the original call goes on with BXML' \
                bandwidth/referComplete 'A <Refer> finished; on failure the call goes on with BXML' \
                bandwidth/transferDisconnect 'A leg created by <Transfer> hung up' \
                bandwidth/mediaStreamStarted 'A <StartStream> WebSocket media stream started' \
                bandwidth/mediaStreamStopped 'A media stream ended; carries the cause' \
                bandwidth/mediaStreamRejected 'A media stream could not start (e.g. duplicate name)' \
                bandwidth/realTimeTranscriptionStarted 'A <StartTranscription> real-time transcription began' \
                bandwidth/realTimeTranscriptionStopped 'A real-time transcription ended; carries the cause' \
                bandwidth/realTimeTranscriptionAvailable 'The full text of a real-time transcription is ready' \
                bandwidth/realTimeTranscriptionRejected 'A real-time transcription could not start' \
                bandwidth/v1-sms 'v1 Catapult SMS event (incoming message or outgoing status)' \
                bandwidth/v1-mms 'v1 Catapult MMS received on one of your numbers' \
                bandwidth/v1-answer 'v1 Catapult call answered' \
                bandwidth/v1-playback 'v1 Catapult audio playback on a call started or finished' \
                bandwidth/v1-timeout 'v1 Catapult outbound call was not answered in time' \
                bandwidth/v1-conference 'v1 Catapult conference created or completed' \
                bandwidth/v1-conference-playback 'v1 Catapult audio playback in a conference' \
                bandwidth/v1-conference-member 'v1 Catapult conference member joined, left or changed' \
                bandwidth/v1-conference-speak 'v1 Catapult text-to-speech in a conference' \
                bandwidth/v1-dtmf 'v1 Catapult caller pressed a key' \
                bandwidth/v1-gather 'v1 Catapult gather of digits completed' \
                bandwidth/v1-incomingcall 'v1 Catapult call coming in to one of your numbers' \
                bandwidth/v1-hangup 'v1 Catapult call ended' \
                bandwidth/v1-reject 'v1 Catapult call rejected (a hangup with CALL_REJECTED)' \
                bandwidth/v1-recording 'v1 Catapult call recording saved (or failed)' \
                bandwidth/v1-speak 'v1 Catapult text-to-speech on a call started or finished' \
                bandwidth/v1-transcription 'v1 Catapult recording transcription finished' \
                bandwidth/message-queued 'the earlier name of message-sending (queued)' \
                bandwidth/recordingComplete 'the earlier name of recordComplete'
        case variants
            for event in $argv[3..-1]
                switch $provider/$event
                    case telnyx/message.received
                        printf '%s\t%s\n' \
                            sms 'single-recipient SMS' \
                            mms 'MMS with an image' \
                            group-mms 'group MMS (several to, cc)'
                    case telnyx/message.sent
                        printf '%s\t%s\n' \
                            sms 'single-recipient SMS' \
                            mms 'MMS with an image'
                    case telnyx/message.finalized
                        printf '%s\t%s\n' \
                            delivered 'delivered to the handset' \
                            sending_failed 'Telnyx could not hand it to the carrier' \
                            delivery_failed 'the carrier could not deliver it (errors entry)' \
                            delivery_unconfirmed 'no delivery receipt came back' \
                            expired 'valid_until passed while queued' \
                            group-mms 'one recipient\'s receipt for a group MMS (group_message_id)'
                    case telnyx/message.read
                        printf '%s\t%s\n' \
                            rcs 'RCS message from an agent' \
                            whatsapp 'WhatsApp template message'
                    case telnyx/link_clicked
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.initiated
                        printf '%s\t%s\n' \
                            incoming 'an incoming call, parked' \
                            outgoing 'a call you dialled'
                    case telnyx/call.answered
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.bridged
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.hangup
                        printf '%s\t%s\n' \
                            normal_clearing 'an ordinary end of call' \
                            call_rejected 'the callee rejected the call (SIP 603)' \
                            user_busy 'the callee was busy (SIP 486)' \
                            no_answer 'nobody answered (SIP 480)'
                    case telnyx/call.hold
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.unhold
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.dtmf.received
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.gather.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.playback.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.playback.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.speak.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.speak.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.recording.saved
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.recording.error
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.recording.transcription.saved
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.machine.detection.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.machine.greeting.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.machine.premium.detection.started
                        printf '%s\t%s\n' \
                            default 'as the SDKs model it'
                    case telnyx/call.machine.premium.detection.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.machine.premium.greeting.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.machine.premium.call_screening.detected
                        printf '%s\t%s\n' \
                            default 'as the SDKs model it'
                    case telnyx/call.enqueued
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.dequeued
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.fork.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.fork.stopped
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.refer.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.refer.completed
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.refer.failed
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.transcription
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.cost
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.ai_gather.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.ai_gather.partial_results
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.ai_gather.message_history_updated
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.conversation.created
                        printf '%s\t%s\n' \
                            default 'as the SDKs model it'
                    case telnyx/call.conversation.start_failed
                        printf '%s\t%s\n' \
                            invalid_request 'the assistant request was rejected (e.g. unknown assistant id)' \
                            service_error 'an error on the Telnyx side'
                    case telnyx/call.conversation.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.conversation_insights.generated
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.analyzed
                        printf '%s\t%s\n' \
                            default 'cost breakdown, one recording, generated insights' \
                            data-unavailable 'cost placeholder string, recordings and insights null'
                    case telnyx/call.deepfake_detection.result
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.deepfake_detection.error
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/call.payment.progress
                        printf '%s\t%s\n' \
                            card-number 'card number step completed (masked number, card type)' \
                            invalid-input 'a step failed with an input error (invalid-date)' \
                            processing 'details collected, the connector is processing'
                    case telnyx/call.payment.completed
                        printf '%s\t%s\n' \
                            charge 'card charged (charge_id, confirmation code)' \
                            tokenize 'card tokenized (token_id)' \
                            ach-debit 'bank account debited (ACH)' \
                            connector-error 'the payment connector declined it' \
                            too-many-failed-attempts 'the caller ran out of attempts'
                    case telnyx/conference.created
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.floor.changed
                        printf '%s\t%s\n' \
                            default 'in the {data, meta} envelope every delivery has' \
                            flat 'flat, as the OpenAPI spec and the SDKs\' models have it'
                    case telnyx/conference.participant.joined
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.participant.left
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.participant.playback.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.participant.playback.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.participant.speak.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.participant.speak.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.playback.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.playback.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.speak.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.speak.ended
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/conference.recording.saved
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/fax.queued
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/fax.media.processed
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/fax.sending.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/fax.delivered
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/fax.failed
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/streaming.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/streaming.stopped
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/streaming.failed
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/siprec.started
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/siprec.stopped
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/siprec.failed
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/messaging_hosted_numbers_orders.created
                        printf '%s\t%s\n' \
                            default 'a pending order for one number'
                    case telnyx/messaging_hosted_numbers_orders.updated
                        printf '%s\t%s\n' \
                            provisioning 'ownership verified, the number is being provisioned' \
                            successful 'the number is hosted and active' \
                            failed 'ownership verification failed'
                    case telnyx/messaging_hosted_numbers_orders.deleted
                        printf '%s\t%s\n' \
                            default 'order and number deleted'
                    case telnyx/messaging_hosted_numbers_orders.internal_transfer_detected
                        printf '%s\t%s\n' \
                            default 'no approval window yet'
                    case telnyx/messaging_hosted_numbers_orders.internal_transfer_approval_requested
                        printf '%s\t%s\n' \
                            default 'as documented'
                    case telnyx/messaging_hosted_numbers_orders.internal_transfer_approved
                        printf '%s\t%s\n' \
                            default 'approved before the deadline; provisioning'
                    case telnyx/messaging_hosted_numbers_orders.internal_transfer_rejected
                        printf '%s\t%s\n' \
                            default 'rejected; the order failed'
                    case telnyx/messaging_hosted_numbers_orders.internal_transfer_auto_approved
                        printf '%s\t%s\n' \
                            default 'deadline passed without an answer; provisioning'
                    case telnyx/number_order.complete
                        printf '%s\t%s\n' \
                            success 'both numbers ordered' \
                            failure 'the number could not be ordered'
                    case telnyx/number_reputation.external_verification.status_changed
                        printf '%s\t%s\n' \
                            approved 'proof approved' \
                            rejected 'proof rejected, with a reason'
                    case telnyx/number_reputation.number.flagged
                        printf '%s\t%s\n' \
                            carrier_changed 'the number moved to another carrier' \
                            reverification_due 'the periodic re-verification is due'
                    case telnyx/number_reputation.number.removed
                        printf '%s\t%s\n' \
                            ported_away 'you confirmed it left after a carrier change' \
                            unconfirmed_ownership 'the confirmation deadline passed' \
                            reassigned 'reported as permanently disconnected' \
                            customer_reported 'you reported you no longer own it'
                    case telnyx/campaignStatusUpdate
                        printf '%s\t%s\n' \
                            registration 'the registry accepted the campaign' \
                            mno_review 'a carrier approved the campaign' \
                            rejected 'Telnyx\'s review rejected the campaign' \
                            dormant 'the campaign was marked dormant' \
                            number_pool 'the campaign\'s number pool was provisioned'
                    case telnyx/session.status_changed
                        printf '%s\t%s\n' \
                            waiting_for_admission 'the bot waits in the meeting\'s lobby' \
                            active 'the bot is in the meeting, recording' \
                            ended 'the session ended (with the reason)' \
                            admission_denied 'the host did not let the bot in'
                    case telnyx/transcript.completed
                        printf '%s\t%s\n' \
                            default 'as the SDKs model it'
                    case telnyx/recording.available
                        printf '%s\t%s\n' \
                            default 'as the Node SDK models it'
                    case telnyx/artifact.completed
                        printf '%s\t%s\n' \
                            summary 'a summary of the meeting' \
                            action_items 'the action items agreed' \
                            custom 'the answer to your own prompt'
                    case telnyx/artifact.failed
                        printf '%s\t%s\n' \
                            default 'as the SDKs model it'
                    case telnyx/whatsapp.account.update
                        printf '%s\t%s\n' \
                            default 'as the SDKs model it (offboarded, reconnected or partner removed)'
                    case telnyx/whatsapp.waba_added
                        printf '%s\t%s\n' \
                            success 'the WABA was added, with its phone numbers' \
                            failure 'provisioning failed (errors)'
                    case telnyx/message.echo
                        printf '%s\t%s\n' \
                            text 'a text message' \
                            image 'an image with a caption'
                    case bandwidth/message-received
                        printf '%s\t%s\n' \
                            sms 'Text message to one of your numbers' \
                            mms 'Picture message with one media URL' \
                            group 'Group MMS; one callback per recipient number you own'
                    case bandwidth/message-sending
                        printf '%s\t%s\n' \
                            default 'MMS handed to the carrier, waiting for a delivery receipt' \
                            queued 'The 2020 name of this event: type message-queued'
                    case bandwidth/message-delivered
                        printf '%s\t%s\n' \
                            sms 'SMS accepted by the recipient\'s carrier' \
                            mms 'MMS delivered, with the media it carried' \
                            group-mms 'Group MMS: the receipt for one of the recipients' \
                            toll-free 'Handset delivery receipt for a toll-free sender'
                    case bandwidth/message-failed
                        printf '%s\t%s\n' \
                            default 'SMS failed with a documented error code' \
                            dlr-timeout '9902: no delivery receipt arrived within the wait time'
                    case bandwidth/message-sent
                        printf '%s\t%s\n' \
                            default 'MMS handed off downstream (OpenAPI example shape)'
                    case bandwidth/message-read
                        printf '%s\t%s\n' \
                            default 'read receipt with the time it was read'
                    case bandwidth/suggestion-response
                        printf '%s\t%s\n' \
                            default 'a suggested reply, with its postback data'
                    case bandwidth/requested-location-response
                        printf '%s\t%s\n' \
                            default 'latitude and longitude'
                    case bandwidth/initiate
                        printf '%s\t%s\n' \
                            default 'Incoming call' \
                            diversion 'Forwarded call with the parsed SIP Diversion header' \
                            stir-shaken 'Incoming call with its STIR/SHAKEN verification result' \
                            uui 'Incoming call carrying SIP User-to-User information'
                    case bandwidth/answer
                        printf '%s\t%s\n' \
                            default 'Outbound call answered' \
                            machine-detection 'Answered, with a tag and the synchronous AMD verdict' \
                            enqueued 'Answer of a call that waited in the outbound queue'
                    case bandwidth/bridgeComplete
                        printf '%s\t%s\n' \
                            default 'Bridge ended normally' \
                            failed 'Bridge failed: the target is already bridged elsewhere' \
                            enqueued 'Bridge ended on a call that was queued first'
                    case bandwidth/bridgeTargetComplete
                        printf '%s\t%s\n' \
                            default 'Bridge target call released' \
                            enqueued 'Bridge target that was queued first'
                    case bandwidth/conferenceCreated
                        printf '%s\t%s\n' \
                            default 'Conference created'
                    case bandwidth/conferenceMemberJoin
                        printf '%s\t%s\n' \
                            default 'Member joined'
                    case bandwidth/conferenceMemberExit
                        printf '%s\t%s\n' \
                            default 'Member left'
                    case bandwidth/conferenceRedirect
                        printf '%s\t%s\n' \
                            default 'Conference redirected'
                    case bandwidth/conferenceCompleted
                        printf '%s\t%s\n' \
                            default 'Conference completed'
                    case bandwidth/conferenceRecordingAvailable
                        printf '%s\t%s\n' \
                            default 'Conference recording available'
                    case bandwidth/disconnect
                        printf '%s\t%s\n' \
                            default 'Answered call hung up normally' \
                            busy 'Call ended on a busy signal, never answered' \
                            timeout 'Nobody answered within callTimeout' \
                            enqueued 'Busy signal on a call that was queued first (documented)'
                    case bandwidth/dtmf
                        printf '%s\t%s\n' \
                            default 'One key press' \
                            enqueued 'Key press on a call that was queued first'
                    case bandwidth/gather
                        printf '%s\t%s\n' \
                            default 'Stopped at maxDigits' \
                            terminating-digit 'Stopped because the caller pressed #' \
                            enqueued 'Terminating digit on a call that was queued first'
                    case bandwidth/machineDetectionComplete
                        printf '%s\t%s\n' \
                            default 'Verdict: answering machine' \
                            human 'Verdict: a person answered' \
                            enqueued 'Answering machine on a call that was queued first'
                    case bandwidth/recordComplete
                        printf '%s\t%s\n' \
                            default 'Recording finished' \
                            enqueued 'Recording finished on a call that was queued first'
                    case bandwidth/recordingAvailable
                        printf '%s\t%s\n' \
                            default 'Recording available' \
                            enqueued 'Recording of a call that was queued first'
                    case bandwidth/redirect
                        printf '%s\t%s\n' \
                            default 'Redirect before the call was answered' \
                            answered 'Redirect of an answered call that has a tag' \
                            enqueued 'Redirect of a call that was queued first'
                    case bandwidth/transcriptionAvailable
                        printf '%s\t%s\n' \
                            default 'Transcription available' \
                            enqueued 'Transcription for a call that was queued first'
                    case bandwidth/transferAnswer
                        printf '%s\t%s\n' \
                            default 'Transfer leg answered' \
                            enqueued 'Transfer leg answered after being queued'
                    case bandwidth/transferComplete
                        printf '%s\t%s\n' \
                            default 'Transferred call ended normally' \
                            busy 'Transfer failed: the number was busy' \
                            enqueued 'Transfer ended on a call that was queued first'
                    case bandwidth/referComplete
                        printf '%s\t%s\n' \
                            default 'the REFER succeeded and the call left Bandwidth' \
                            failure 'the REFER was accepted but the transfer target was busy' \
                            rejected 'the other end refused the REFER (SIP 603)'
                    case bandwidth/transferDisconnect
                        printf '%s\t%s\n' \
                            default 'Transfer leg ended after a conversation' \
                            busy 'Transfer leg ended on a busy signal' \
                            enqueued 'Transfer leg that was queued first'
                    case bandwidth/mediaStreamStarted
                        printf '%s\t%s\n' \
                            default 'Stream started'
                    case bandwidth/mediaStreamStopped
                        printf '%s\t%s\n' \
                            default 'Stream closed normally'
                    case bandwidth/mediaStreamRejected
                        printf '%s\t%s\n' \
                            default 'Rejected: a stream with that name already runs'
                    case bandwidth/realTimeTranscriptionStarted
                        printf '%s\t%s\n' \
                            default 'Transcription started' \
                            destination 'Started, streaming results to a WebSocket destination'
                    case bandwidth/realTimeTranscriptionStopped
                        printf '%s\t%s\n' \
                            default 'Transcription closed normally' \
                            destination 'Closed; it was streaming to a WebSocket destination'
                    case bandwidth/realTimeTranscriptionAvailable
                        printf '%s\t%s\n' \
                            default 'Transcript available to fetch'
                    case bandwidth/realTimeTranscriptionRejected
                        printf '%s\t%s\n' \
                            default 'Rejected: a transcription with that name already runs' \
                            destination 'Rejected duplicate that named a WebSocket destination'
                    case bandwidth/v1-sms
                        printf '%s\t%s\n' \
                            inbound 'SMS received on one of your numbers' \
                            outbound 'Your SMS was sent; delivery receipt code 0'
                    case bandwidth/v1-mms
                        printf '%s\t%s\n' \
                            default 'MMS with an image and its SMIL part'
                    case bandwidth/v1-answer
                        printf '%s\t%s\n' \
                            default 'Call answered'
                    case bandwidth/v1-playback
                        printf '%s\t%s\n' \
                            started 'Playback started' \
                            done 'Playback finished'
                    case bandwidth/v1-timeout
                        printf '%s\t%s\n' \
                            default 'Call timed out'
                    case bandwidth/v1-conference
                        printf '%s\t%s\n' \
                            created 'Conference created' \
                            completed 'Conference completed'
                    case bandwidth/v1-conference-playback
                        printf '%s\t%s\n' \
                            started 'Playback started' \
                            done 'Playback finished'
                    case bandwidth/v1-conference-member
                        printf '%s\t%s\n' \
                            joined 'A member joined' \
                            left 'A member left' \
                            muted 'A member was muted'
                    case bandwidth/v1-conference-speak
                        printf '%s\t%s\n' \
                            started 'Speech started' \
                            done 'Speech finished'
                    case bandwidth/v1-dtmf
                        printf '%s\t%s\n' \
                            default 'One key press'
                    case bandwidth/v1-gather
                        printf '%s\t%s\n' \
                            default 'Stopped at max-digits'
                    case bandwidth/v1-incomingcall
                        printf '%s\t%s\n' \
                            default 'Incoming call'
                    case bandwidth/v1-hangup
                        printf '%s\t%s\n' \
                            default 'Normal hangup'
                    case bandwidth/v1-reject
                        printf '%s\t%s\n' \
                            default 'Call rejected'
                    case bandwidth/v1-recording
                        printf '%s\t%s\n' \
                            complete 'Recording saved and available' \
                            error 'Saving the recording failed'
                    case bandwidth/v1-speak
                        printf '%s\t%s\n' \
                            started 'Speech started' \
                            done 'Speech finished'
                    case bandwidth/v1-transcription
                        printf '%s\t%s\n' \
                            completed 'Transcription completed' \
                            error 'Transcription failed'
                    case bandwidth/message-queued
                        printf '%s\t%s\n' \
                            default 'MMS handed to the carrier, waiting for a delivery receipt' \
                            queued 'The 2020 name of this event: type message-queued'
                    case bandwidth/recordingComplete
                        printf '%s\t%s\n' \
                            default 'Recording finished' \
                            enqueued 'Recording finished on a call that was queued first'
                end
            end
    end
end

# The commands that complete from the catalog, as the command line has them.
function __telhook_command --argument-names name
    switch $name
        case example
            echo '--variant --set --seed --at --color'
            echo ''
            echo '--variant:variants'
            echo 'providers events'
            echo 'nothing'
            echo '0'
            echo '1'
        case send
            echo '--to --failover-url --concurrency --rate --private-key --basic-auth --max-attempts --backoff --timeout --header -H --data --flow --variant --set --seed --at --duplicate --count --format --color'
            echo ''
            echo '--flow:flows --variant:variants'
            echo 'providers events'
            echo 'events'
            echo '0'
            echo '1'
        case replay
            echo '--to --failover-url --concurrency --rate --private-key --basic-auth --max-attempts --backoff --timeout --header -H --provider -p --event --id --since --until --seed --expect --report --color'
            echo '--provider -p'
            echo '--event:names'
            echo 'clap'
            echo 'clap'
            echo '-'
            echo '1'
        case validate
            echo '--event --jobs --color'
            echo ''
            echo '--event:qualified'
            echo 'clap'
            echo 'clap'
            echo '-'
            echo '1'
        case schema
            echo '--color'
            echo ''
            echo ''
            echo 'providers events'
            echo 'nothing'
            echo '0'
            echo '1'
        case '*'
            return 1
    end
end

# The line before the cursor, read as the command line reads it. Prints the command, the
# provider, what the current word completes to (a kind, `nothing`, `clap`, or `pending` when it
# is the value of an option), then the events named. Fails for a command without catalog values.
function __telhook_parse
    set -l tokens (commandline -opc)
    set -e tokens[1]
    # Until the command: the options of the top level that take a value.
    set -l value_opts (string split -n ' ' -- '--color')
    set -l provider_opts
    set -l positions
    set -l beyond
    set -l provider_at -
    set -l event_at 0
    set -l cmd
    set -l provider
    set -l pending
    set -l end 0
    set -l positionals
    for w in $tokens
        if test -n "$pending"
            contains -- $pending $provider_opts; and set provider $w
            set pending
            continue
        end
        if test $end = 0; and string match -q -- '-?*' $w
            if test $w = --
                test -n "$cmd"; and set end 1
            else if string match -q -- '--*=*' $w
                set -l parts (string split -m 1 = -- $w)
                contains -- $parts[1] $provider_opts; and set provider $parts[2]
            else if contains -- $w $value_opts
                set pending $w
            else if not string match -q -- '--*' $w; and contains -- (string sub -l 2 -- $w) $value_opts
                # A short option with its value attached (-pbandwidth).
                contains -- (string sub -l 2 -- $w) $provider_opts
                and set provider (string sub -s 3 -- $w)
            end
            continue
        end
        if test -z "$cmd"
            set -l shape (__telhook_command $w)
            or return 1
            set cmd $w
            set value_opts (string split -n ' ' -- $shape[1])
            set provider_opts (string split -n ' ' -- $shape[2])
            set positions (string split -n ' ' -- $shape[4])
            set beyond $shape[5]
            set provider_at $shape[6]
            set event_at $shape[7]
            continue
        end
        set -a positionals $w
    end
    test -n "$cmd"
    or return 1
    if test $provider_at != -; and test $provider_at -lt (count $positionals)
        set provider $positionals[(math $provider_at + 1)]
    end
    set -l kind $beyond
    if test -n "$pending"
        set kind pending
    else if test (count $positionals) -lt (count $positions)
        set kind $positions[(math (count $positionals) + 1)]
    end
    if test $end = 0; and string match -q -- '-*' (commandline -ct)
        set kind clap
    end
    echo $cmd
    echo $provider
    echo $kind
    printf '%s\n' $positionals[(math $event_at + 1)..-1]
end

# Whether the command is one of the arguments.
function __telhook_in
    set -l state (__telhook_parse)
    and contains -- $state[1] $argv
end

# Whether the current word is a positional these functions complete.
function __telhook_positional
    set -l state (__telhook_parse)
    and contains -- $state[3] providers events nothing
end

# The values for the current word: a positional's (`positional`), or a flag's kind.
function __telhook_complete --argument-names kind
    set -l state (__telhook_parse)
    or return
    test $kind = positional
    and set kind $state[3]
    __telhook_values $kind $state[2] $state[4..-1]
end

complete -c telhook -n __telhook_positional -f -a '(__telhook_complete positional)'
complete -c telhook -n '__telhook_in example' -l variant -d 'A variant of the event (`telhook events` lists them); the first one is the default' -x -a '(__telhook_complete variants)'
complete -c telhook -n '__telhook_in send' -l flow -d 'A realistic sequence with shared ids (telnyx: outbound-message, outbound-message-failed, call; bandwidth: outbound-mms, outbound-mms-failed, inbound-group, call)' -x -a '(__telhook_complete flows)'
complete -c telhook -n '__telhook_in send' -l variant -d 'The variant of the event (with one EVENT)' -x -a '(__telhook_complete variants)'
complete -c telhook -n '__telhook_in replay' -l event -d 'Only events whose catalog name matches this glob (`*`, `?`; e.g. \'message.*\'). Repeatable: any may match' -x -a '(__telhook_complete names)'
complete -c telhook -n '__telhook_in validate' -l event -d 'Validate every payload as this event instead of recognising it (`telnyx/message.finalized`)' -x -a '(__telhook_complete qualified)'

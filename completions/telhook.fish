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
complete -c telhook -n "__fish_telhook_needs_command" -f -a "replay" -d 'Re-deliver captured or stored webhooks to a URL, with a verdict (and reports) CI can trust'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "validate" -d 'Check payloads against the documented schema of their event'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "schema" -d 'Print the JSON Schema of an event'
complete -c telhook -n "__fish_telhook_needs_command" -f -a "config" -d 'Show the settings send, listen and the rest use when not given flags, and where each comes from (flag > environment > project file > user file > built-in)'
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
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l signature -d 'The telnyx-signature-ed25519 header value' -r
complete -c telhook -n "__fish_telhook_using_subcommand verify" -l timestamp -d 'The telnyx-timestamp header value, verbatim' -r
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
complete -c telhook -n "__fish_telhook_using_subcommand send" -l count -d 'Load mode: send N events with fresh ids (cycling through the EVENTs), show a progress bar on a terminal, print only failed attempts, and end with throughput and latency figures' -r
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
complete -c telhook -n "__fish_telhook_using_subcommand listen" -l json -d 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -s v -l verbose -d 'Show each request and answer in full: headers and body (credentials redacted)'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -s q -l quiet -d 'Print only data and errors: no notes, progress or summaries, and of send\'s and replay\'s attempts only those that failed'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -s h -l help -d 'Print help'
complete -c telhook -n "__fish_telhook_using_subcommand listen" -s V -l version -d 'Print version'
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
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "demo" -d 'Run the whole tool once, nothing to configure: a local listener receives every event of both providers, signed and authenticated, plus the failures to recognise'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "events" -d 'List every event telhook knows, for both providers'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "example" -d 'Print a realistic payload for an event, exactly as the provider would send it'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "keygen" -d 'Make an Ed25519 key pair for signing Telnyx webhooks'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "sign" -d 'Sign a body the way Telnyx does and print the two signature headers'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "verify" -d 'Check a Telnyx signature offline and say exactly why it fails'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "send" -d 'Deliver events to a URL exactly as Telnyx or Bandwidth would: signed, retried, judged'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "listen" -d 'Receive webhooks locally: verify, print and capture every request'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "replay" -d 'Re-deliver captured or stored webhooks to a URL, with a verdict (and reports) CI can trust'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "validate" -d 'Check payloads against the documented schema of their event'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "schema" -d 'Print the JSON Schema of an event'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "config" -d 'Show the settings send, listen and the rest use when not given flags, and where each comes from (flag > environment > project file > user file > built-in)'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "man" -d 'Print the manual page (roff; e.g. `telhook man > telhook.1`, `man ./telhook.1`)'
complete -c telhook -n "__fish_telhook_using_subcommand help; and not __fish_seen_subcommand_from demo events example keygen sign verify send listen replay validate schema config completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'

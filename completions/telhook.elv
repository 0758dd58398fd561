
use builtin;
use str;

set edit:completion:arg-completer[telhook] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'telhook'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'telhook'= {
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand demo 'Run the whole tool once, nothing to configure: a local listener receives every event of both providers, signed and authenticated, plus the failures to recognise'
            cand events 'List every event telhook knows, for both providers'
            cand example 'Print a realistic payload for an event, exactly as the provider would send it'
            cand keygen 'Make an Ed25519 key pair for signing Telnyx webhooks'
            cand sign 'Sign a body the way Telnyx does and print the two signature headers'
            cand verify 'Check a Telnyx signature offline and say exactly why it fails'
            cand send 'Deliver events to a URL exactly as Telnyx or Bandwidth would: signed, retried, judged'
            cand listen 'Receive webhooks locally: verify, print and capture every request'
            cand emulate 'Run a local Telnyx and Bandwidth messaging API: point your app''s API base URL at it, and the webhooks about each message it sends arrive at your app, signed or authenticated'
            cand text 'Make a person text one of your app''s numbers, through a running `telhook emulate`'
            cand replay 'Re-deliver captured or stored webhooks to a URL, with a verdict (and reports) CI can trust'
            cand validate 'Check payloads against the documented schema of their event'
            cand schema 'Print the JSON Schema of an event'
            cand config 'Show the settings send, listen and the rest use when not given flags, and where each comes from (flag > environment > ./telnyx.* (keys) > project file > user file > built-in)'
            cand completions 'Print a shell completion script'
            cand man 'Print the manual page (roff; e.g. `telhook man > telhook.1`, `man ./telhook.1`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'telhook;demo'= {
            cand -p 'Only this provider''s events and failure scenarios'
            cand --provider 'Only this provider''s events and failure scenarios'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;events'= {
            cand -p 'Only this provider''s events'
            cand --provider 'Only this provider''s events'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;example'= {
            cand --variant 'A variant of the event (`telhook events` lists them); the first one is the default'
            cand --set 'Override a field: a dotted path or JSON pointer, `=`, and a JSON value (--set data.payload.text=''"hi"''). Fails if the path does not exist. Repeatable'
            cand --seed 'Seed every random choice (ids, numbers, texts, gaps); with --at the output is byte-for-byte reproducible'
            cand --at 'The time of the event (RFC 3339 or Unix seconds), instead of now'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --pretty 'Pretty-print (Bandwidth sends compact JSON; Telnyx bodies are already indented)'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;keygen'= {
            cand --out-dir 'Directory to write telnyx.key (private, mode 0600) and telnyx.pub into'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --force 'Replace existing key files'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;sign'= {
            cand --private-key 'The private key: a key (base64 or hex seed, 64-byte libsodium secret, PKCS#8 PEM) or a file holding one, as written by `telhook keygen` [env: TELHOOK_PRIVATE_KEY]. Without one: ./telnyx.key, the config files'' private_key, else your default key pair'
            cand --timestamp 'The telnyx-timestamp value to sign, verbatim (default: now, in Unix seconds)'
            cand --format 'Output format'
            cand --url 'URL for --format curl (default: as `send --to`, http://127.0.0.1:5000/ unless configured)'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;verify'= {
            cand --public-key 'The Telnyx public key (base64 of the raw 32 bytes, as in Mission Control) or a file holding it [env: TELNYX_PUBLIC_KEY]. Without one: ./telnyx.pub, the config files'' public_key, else your default key pair''s (never made by verify)'
            cand --signature 'The telnyx-signature-ed25519 header value (without it, the verdict is that the header is missing, as for a delivery that lacked it)'
            cand --timestamp 'The telnyx-timestamp header value, verbatim (without it, the verdict is that the header is missing)'
            cand --headers 'Read both headers from a raw HTTP header dump (`curl -D FILE`, a proxy log...)'
            cand --capture 'Verify a request captured by `telhook listen --capture`: its headers and exact body (the last Telnyx record, or the one on --line)'
            cand --line 'With --capture: the line of the record to verify'
            cand --tolerance 'Reject timestamps further than this from now, either way (e.g. 300, 5m)'
            cand --now 'The clock to check the timestamp against (Unix seconds or RFC 3339; default: now)'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --no-tolerance 'Do not check the timestamp''s age'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;send'= {
            cand --to 'The URL to deliver to [env: TELHOOK_TO] (default: the config files'' `to`, else http://127.0.0.1:5000/, where `telhook listen` listens); `http://` when it has no scheme'
            cand --failover-url 'Where to deliver once the attempts on --to are used up (Telnyx''s failover URL, Bandwidth''s fallback URL)'
            cand --concurrency 'Deliveries in flight at once'
            cand --rate 'Start at most R events per second'
            cand --private-key 'Telnyx private key (a key or a key file, as `sign`) [env: TELHOOK_PRIVATE_KEY]. Without one: ./telnyx.key, the config files'' private_key, else your default key pair (made on first use; `telhook config` shows which)'
            cand --basic-auth 'Bandwidth credentials for its challenge flow: the first request carries none, a 401 with WWW-Authenticate is answered with them [env: TELHOOK_BASIC_AUTH]'
            cand --max-attempts 'Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its 24 hours of retries)'
            cand --backoff 'First wait between attempts, doubling after each: the providers'' minutes compressed (e.g. 250ms, 1s)'
            cand --timeout 'How long an answer may take, instead of the provider''s (Telnyx 2s; Bandwidth 10s for messaging and v1, 15s for voice)'
            cand -H 'Add a header to every request (''Name: value''); replaces the provider''s header of that name. Repeatable'
            cand --header 'Add a header to every request (''Name: value''); replaces the provider''s header of that name. Repeatable'
            cand --data 'Send this body byte for byte instead of a generated event; `-` reads stdin'
            cand --flow 'A realistic sequence with shared ids (telnyx: outbound-message, outbound-message-failed, call; bandwidth: outbound-mms, outbound-mms-failed, inbound-group, call)'
            cand --variant 'The variant of the event (with one EVENT)'
            cand --set 'Override a field of every generated body (as `telhook example --set`). Repeatable'
            cand --seed 'Seed the generated values and the --shuffle order'
            cand --at 'The time of the (first) event (RFC 3339 or Unix seconds), instead of now'
            cand --duplicate 'Deliver each event N more times with the same id (at-least-once delivery)'
            cand --count 'Load mode: send N events with fresh ids (cycling through the EVENTs), show a progress bar on a terminal, print only failed attempts (under --json every attempt, unless -q), and end with throughput and latency figures'
            cand --format 'How --dry-run prints requests'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --no-signature 'Send Telnyx events without signature headers'
            cand --provider-timing 'Wait as the providers do between attempts (minutes) instead of --backoff'
            cand --insecure 'Accept self-signed and otherwise invalid TLS certificates'
            cand --all 'Every event of the provider (each in its default variant)'
            cand --shuffle 'Deliver in a random order (never the original one); --seed fixes it'
            cand --dry-run 'Print the requests (first attempt) instead of sending them'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;listen'= {
            cand --port 'Port to listen on; 0 picks a free one (the first line says which)'
            cand --host 'Address to bind. The default keeps the listener private to this machine'
            cand --path 'Serve only this path (e.g. /webhooks); other paths get 404. Default: every path'
            cand --public-key 'Telnyx public key (base64 of the raw 32 bytes) or a file holding it [env: TELNYX_PUBLIC_KEY]. Without one: ./telnyx.pub, the config files'' public_key, else your default key pair''s (made on first use, the one `send` signs with)'
            cand --tolerance 'Timestamp tolerance, either way (as `verify`; e.g. 300, 5m)'
            cand --basic-auth 'Bandwidth credentials, USER:PASS: requests without them get a 401 challenge [env: TELHOOK_BASIC_AUTH]'
            cand --capture 'Append every request to this JSON Lines file (format in the README)'
            cand --status 'Status to answer accepted requests with'
            cand --delay 'Wait this long before answering (a slow app; Telnyx gives up after 2 s)'
            cand --fail-first 'Answer 500 to the first N attempts of each event id (to exercise retries)'
            cand --bxml 'BXML document for Bandwidth callbacks that need one (default: an empty <Response/>)'
            cand --forward-to 'Pass each accepted request on to your app and relay its answer'
            cand --max-events 'Exit after this many requests'
            cand --exit-after 'Exit after this long (e.g. 30s, 5m)'
            cand --max-body 'Largest body accepted, at most 1 GiB; larger ones get 413'
            cand --max-connections 'Connections open at once; more wait until one closes'
            cand --max-in-flight 'Requests answered at once (those waiting on --delay or --forward-to count); more get 503'
            cand --max-header-bytes 'Largest request head (request line and headers); larger ones get 431'
            cand --read-timeout 'A request''s head must arrive within this of its first byte, its body within this of its head; else 408'
            cand --idle-timeout 'Close a keep-alive connection idle for this long'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --no-verify 'Accept Telnyx requests without checking their signatures'
            cand --no-tolerance 'Do not check the Telnyx timestamp''s age'
            cand --reject-unknown 'Reject requests whose provider or event cannot be recognised (400)'
            cand --capture-credentials 'Keep Authorization values in the capture verbatim (by default only the scheme and a Basic user are kept: `Basic <redacted user=bw>`)'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;emulate'= {
            cand -p 'Serve only this provider''s API'
            cand --provider 'Serve only this provider''s API'
            cand --port 'Port to listen on; 0 picks a free one (the first line says which)'
            cand --host 'Address to bind. The default keeps the emulator private to this machine'
            cand --api-key 'Telnyx: requests must carry `Authorization: Bearer KEY` with exactly this key (default: any key)'
            cand --webhook-url 'Telnyx: the messaging profile''s webhook URL, where a message''s webhooks go after the URLs of its request [env: TELHOOK_TO]. Default: listen''s address'
            cand --webhook-failover-url 'Telnyx: the messaging profile''s failover URL'
            cand --api-auth 'Bandwidth: requests must carry these Basic API credentials (default: any Basic ones)'
            cand --callback-url 'Bandwidth: the Application''s status callback URL [env: TELHOOK_TO]. Default: listen''s address'
            cand --inbound-callback-url 'Bandwidth: the Application''s inbound callback URL, where texts to the app''s numbers go [env: TELHOOK_TO]. Default: listen''s address'
            cand --number 'Bandwidth: one of the app''s own numbers (repeatable): a group text gives a callback for each of them among its recipients'
            cand --callback-auth 'Bandwidth: the Application''s callback credentials: callbacks are sent without, and again with them after a 401 challenge [env: TELHOOK_BASIC_AUTH]'
            cand --private-key 'Telnyx private key the webhooks are signed with (a key or a key file, as `sign`) [env: TELHOOK_PRIVATE_KEY]. Without one: as `send` finds it (your default key pair)'
            cand --latency 'Time between the API''s answer and a message''s first webhook, and between its webhooks (e.g. 50ms, 2s). Default: 50ms; with --provider-timing, 1s and then 3s, as real delivery receipts take seconds'
            cand --concurrency 'Webhook deliveries in flight at once; more wait their turn'
            cand --seed 'Draw ids from this seed and times from a clock of its own (from 2026-01-01T00:00:00Z, a second per API call): the same requests give the same ids and times'
            cand --capture 'Append every API call and every webhook attempt to this file, one JSON line each (a timeline that validate, verify and replay read)'
            cand --max-messages 'Messages kept for GET; older ones are forgotten'
            cand --max-pending 'Calls whose webhooks are held at once; past it, a call waits (--pending-wait) for an earlier call''s webhooks to finish, then is answered 429'
            cand --pending-wait 'How long a call past --max-pending waits for room before its 429 (e.g. 2s, 500ms)'
            cand --max-attempts 'Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its 24 hours of retries)'
            cand --backoff 'First wait between attempts, doubling after each: the providers'' minutes compressed (e.g. 250ms, 1s)'
            cand --timeout 'How long an answer may take, instead of the provider''s (Telnyx 2s; Bandwidth 10s for messaging and v1, 15s for voice)'
            cand --exit-after 'Exit after this long (e.g. 30s, 5m), once the webhooks due are delivered'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --capture-credentials 'Keep Authorization values in the capture verbatim (by default only the scheme and a Basic user are kept: `Basic <redacted user=bw>`)'
            cand --provider-timing 'Wait as the providers do between attempts (minutes) instead of --backoff'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand messages 'List the messages a running emulator keeps (sent through its API or texted in), oldest first: provider, id, status, sender and recipients'
            cand reset 'Make a running emulator forget every message it keeps'
            cand settle 'Wait until every webhook a running emulator has due is delivered or given up; exit 1 if some are still in flight after --timeout'
        }
        &'telhook;emulate;messages'= {
            cand -p 'Only this provider''s messages'
            cand --provider 'Only this provider''s messages'
            cand --emulator 'The running emulator''s address'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;emulate;reset'= {
            cand --emulator 'The running emulator''s address'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;emulate;settle'= {
            cand --timeout 'How long to wait for the webhooks (at most 5m)'
            cand --emulator 'The running emulator''s address'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;text'= {
            cand --from 'The person''s number (+E.164)'
            cand --to 'The app''s number the text goes to; repeat for a group text'
            cand --media 'A media URL (an MMS); repeatable'
            cand -p 'Which provider the text comes through (needed when the emulator serves both)'
            cand --provider 'Which provider the text comes through (needed when the emulator serves both)'
            cand --emulator 'The running emulator''s address'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;replay'= {
            cand --to 'The URL to deliver to [env: TELHOOK_TO] (default: the config files'' `to`, else http://127.0.0.1:5000/, where `telhook listen` listens); `http://` when it has no scheme'
            cand --failover-url 'Where to deliver once the attempts on --to are used up (Telnyx''s failover URL, Bandwidth''s fallback URL)'
            cand --concurrency 'Deliveries in flight at once'
            cand --rate 'Start at most R events per second'
            cand --private-key 'Telnyx private key (a key or a key file, as `sign`) [env: TELHOOK_PRIVATE_KEY]. Without one: ./telnyx.key, the config files'' private_key, else your default key pair (made on first use; `telhook config` shows which)'
            cand --basic-auth 'Bandwidth credentials for its challenge flow: the first request carries none, a 401 with WWW-Authenticate is answered with them [env: TELHOOK_BASIC_AUTH]'
            cand --max-attempts 'Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its 24 hours of retries)'
            cand --backoff 'First wait between attempts, doubling after each: the providers'' minutes compressed (e.g. 250ms, 1s)'
            cand --timeout 'How long an answer may take, instead of the provider''s (Telnyx 2s; Bandwidth 10s for messaging and v1, 15s for voice)'
            cand -H 'Add a header to every request (''Name: value''); replaces the provider''s header of that name. Repeatable'
            cand --header 'Add a header to every request (''Name: value''); replaces the provider''s header of that name. Repeatable'
            cand -p 'Only this provider''s events (payloads telhook cannot place are taken as this provider''s)'
            cand --provider 'Only this provider''s events (payloads telhook cannot place are taken as this provider''s)'
            cand --event 'Only events whose catalog name matches this glob (`*`, `?`; e.g. ''message.*''). Repeatable: any may match'
            cand --id 'Only the event with this id (as `listen` shows it). Repeatable'
            cand --since 'Only requests captured at or after this time (RFC 3339 or Unix seconds)'
            cand --until 'Only requests captured before this time (RFC 3339 or Unix seconds)'
            cand --seed 'Seed for --shuffle'
            cand --expect 'The statuses that count as handled: a class (2xx), codes, or both (200,204)'
            cand --report 'Write a report: junit=FILE (JUnit XML, one testcase per event) or json=FILE. Repeatable'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --no-signature 'Send Telnyx events without signature headers'
            cand --provider-timing 'Wait as the providers do between attempts (minutes) instead of --backoff'
            cand --insecure 'Accept self-signed and otherwise invalid TLS certificates'
            cand --keep-headers 'Send the captured headers unchanged, old signature and timestamp included (a receiver should reject them as stale or replayed); by default Telnyx events are signed afresh'
            cand --no-retry 'One attempt per event: no retries, no failover'
            cand --shuffle 'Deliver in a random order (never the original one); reads all inputs first'
            cand --twice 'Deliver every event twice, to check the receiver is idempotent'
            cand --expect-bxml 'Bandwidth voice callbacks that take BXML must be answered 200 with a well-formed <Response> document'
            cand --stop-on-malformed 'Stop at the first malformed record (exit 2) instead of reporting and skipping it'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;validate'= {
            cand --event 'Validate every payload as this event instead of recognising it (`telnyx/message.finalized`)'
            cand --jobs 'Worker threads (default: the number of CPUs)'
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --report-unlisted 'Also report fields the documented schema does not list'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;schema'= {
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;config'= {
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;completions'= {
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;man'= {
            cand --color 'When to colour output: auto (a terminal, and NO_COLOR unset), always or never'
            cand --json 'Print JSON Lines on stdout instead of text (one object per line, each with a "type")'
            cand -v 'Show each request and answer in full: headers and body (credentials redacted)'
            cand --verbose 'Show each request and answer in full: headers and body (credentials redacted)'
            cand -q 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand --quiet 'Print only data and errors: no notes, progress or summaries, and of send''s and replay''s attempts only those that failed'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'telhook;help'= {
            cand demo 'Run the whole tool once, nothing to configure: a local listener receives every event of both providers, signed and authenticated, plus the failures to recognise'
            cand events 'List every event telhook knows, for both providers'
            cand example 'Print a realistic payload for an event, exactly as the provider would send it'
            cand keygen 'Make an Ed25519 key pair for signing Telnyx webhooks'
            cand sign 'Sign a body the way Telnyx does and print the two signature headers'
            cand verify 'Check a Telnyx signature offline and say exactly why it fails'
            cand send 'Deliver events to a URL exactly as Telnyx or Bandwidth would: signed, retried, judged'
            cand listen 'Receive webhooks locally: verify, print and capture every request'
            cand emulate 'Run a local Telnyx and Bandwidth messaging API: point your app''s API base URL at it, and the webhooks about each message it sends arrive at your app, signed or authenticated'
            cand text 'Make a person text one of your app''s numbers, through a running `telhook emulate`'
            cand replay 'Re-deliver captured or stored webhooks to a URL, with a verdict (and reports) CI can trust'
            cand validate 'Check payloads against the documented schema of their event'
            cand schema 'Print the JSON Schema of an event'
            cand config 'Show the settings send, listen and the rest use when not given flags, and where each comes from (flag > environment > ./telnyx.* (keys) > project file > user file > built-in)'
            cand completions 'Print a shell completion script'
            cand man 'Print the manual page (roff; e.g. `telhook man > telhook.1`, `man ./telhook.1`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'telhook;help;demo'= {
        }
        &'telhook;help;events'= {
        }
        &'telhook;help;example'= {
        }
        &'telhook;help;keygen'= {
        }
        &'telhook;help;sign'= {
        }
        &'telhook;help;verify'= {
        }
        &'telhook;help;send'= {
        }
        &'telhook;help;listen'= {
        }
        &'telhook;help;emulate'= {
            cand messages 'List the messages a running emulator keeps (sent through its API or texted in), oldest first: provider, id, status, sender and recipients'
            cand reset 'Make a running emulator forget every message it keeps'
            cand settle 'Wait until every webhook a running emulator has due is delivered or given up; exit 1 if some are still in flight after --timeout'
        }
        &'telhook;help;emulate;messages'= {
        }
        &'telhook;help;emulate;reset'= {
        }
        &'telhook;help;emulate;settle'= {
        }
        &'telhook;help;text'= {
        }
        &'telhook;help;replay'= {
        }
        &'telhook;help;validate'= {
        }
        &'telhook;help;schema'= {
        }
        &'telhook;help;config'= {
        }
        &'telhook;help;completions'= {
        }
        &'telhook;help;man'= {
        }
        &'telhook;help;help'= {
        }
    ]
    $completions[$command]
}

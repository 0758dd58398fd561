_telhook() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="telhook"
                ;;
            telhook,completions)
                cmd="telhook__subcmd__completions"
                ;;
            telhook,config)
                cmd="telhook__subcmd__config"
                ;;
            telhook,demo)
                cmd="telhook__subcmd__demo"
                ;;
            telhook,emulate)
                cmd="telhook__subcmd__emulate"
                ;;
            telhook,events)
                cmd="telhook__subcmd__events"
                ;;
            telhook,example)
                cmd="telhook__subcmd__example"
                ;;
            telhook,help)
                cmd="telhook__subcmd__help"
                ;;
            telhook,keygen)
                cmd="telhook__subcmd__keygen"
                ;;
            telhook,listen)
                cmd="telhook__subcmd__listen"
                ;;
            telhook,man)
                cmd="telhook__subcmd__man"
                ;;
            telhook,replay)
                cmd="telhook__subcmd__replay"
                ;;
            telhook,schema)
                cmd="telhook__subcmd__schema"
                ;;
            telhook,send)
                cmd="telhook__subcmd__send"
                ;;
            telhook,sign)
                cmd="telhook__subcmd__sign"
                ;;
            telhook,text)
                cmd="telhook__subcmd__text"
                ;;
            telhook,validate)
                cmd="telhook__subcmd__validate"
                ;;
            telhook,verify)
                cmd="telhook__subcmd__verify"
                ;;
            telhook__subcmd__emulate,messages)
                cmd="telhook__subcmd__emulate__subcmd__messages"
                ;;
            telhook__subcmd__emulate,reset)
                cmd="telhook__subcmd__emulate__subcmd__reset"
                ;;
            telhook__subcmd__emulate,settle)
                cmd="telhook__subcmd__emulate__subcmd__settle"
                ;;
            telhook__subcmd__help,completions)
                cmd="telhook__subcmd__help__subcmd__completions"
                ;;
            telhook__subcmd__help,config)
                cmd="telhook__subcmd__help__subcmd__config"
                ;;
            telhook__subcmd__help,demo)
                cmd="telhook__subcmd__help__subcmd__demo"
                ;;
            telhook__subcmd__help,emulate)
                cmd="telhook__subcmd__help__subcmd__emulate"
                ;;
            telhook__subcmd__help,events)
                cmd="telhook__subcmd__help__subcmd__events"
                ;;
            telhook__subcmd__help,example)
                cmd="telhook__subcmd__help__subcmd__example"
                ;;
            telhook__subcmd__help,help)
                cmd="telhook__subcmd__help__subcmd__help"
                ;;
            telhook__subcmd__help,keygen)
                cmd="telhook__subcmd__help__subcmd__keygen"
                ;;
            telhook__subcmd__help,listen)
                cmd="telhook__subcmd__help__subcmd__listen"
                ;;
            telhook__subcmd__help,man)
                cmd="telhook__subcmd__help__subcmd__man"
                ;;
            telhook__subcmd__help,replay)
                cmd="telhook__subcmd__help__subcmd__replay"
                ;;
            telhook__subcmd__help,schema)
                cmd="telhook__subcmd__help__subcmd__schema"
                ;;
            telhook__subcmd__help,send)
                cmd="telhook__subcmd__help__subcmd__send"
                ;;
            telhook__subcmd__help,sign)
                cmd="telhook__subcmd__help__subcmd__sign"
                ;;
            telhook__subcmd__help,text)
                cmd="telhook__subcmd__help__subcmd__text"
                ;;
            telhook__subcmd__help,validate)
                cmd="telhook__subcmd__help__subcmd__validate"
                ;;
            telhook__subcmd__help,verify)
                cmd="telhook__subcmd__help__subcmd__verify"
                ;;
            telhook__subcmd__help__subcmd__emulate,messages)
                cmd="telhook__subcmd__help__subcmd__emulate__subcmd__messages"
                ;;
            telhook__subcmd__help__subcmd__emulate,reset)
                cmd="telhook__subcmd__help__subcmd__emulate__subcmd__reset"
                ;;
            telhook__subcmd__help__subcmd__emulate,settle)
                cmd="telhook__subcmd__help__subcmd__emulate__subcmd__settle"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        telhook)
            opts="-v -q -h -V --color --json --verbose --quiet --help --version demo events example keygen sign verify send listen emulate text replay validate schema config completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__completions)
            opts="-v -q -h -V --color --json --verbose --quiet --help --version bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__config)
            opts="-v -q -h -V --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__demo)
            opts="-p -v -q -h -V --provider --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__emulate)
            opts="-p -v -q -h -V --provider --port --host --api-key --webhook-url --webhook-failover-url --api-auth --callback-url --inbound-callback-url --number --callback-auth --private-key --latency --concurrency --seed --capture --capture-credentials --max-messages --max-pending --pending-wait --max-attempts --backoff --provider-timing --timeout --exit-after --color --json --verbose --quiet --help --version messages reset settle"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                --port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --host)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --webhook-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --webhook-failover-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-auth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --callback-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --inbound-callback-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --number)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --callback-auth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --latency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --capture)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --max-messages)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-pending)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pending-wait)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-attempts)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --backoff)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exit-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__emulate__subcmd__messages)
            opts="-p -v -q -h -V --provider --emulator --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                --emulator)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__emulate__subcmd__reset)
            opts="-v -q -h -V --emulator --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --emulator)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__emulate__subcmd__settle)
            opts="-v -q -h -V --timeout --emulator --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --emulator)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__events)
            opts="-p -v -q -h -V --provider --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --provider)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__example)
            opts="-v -q -h -V --variant --set --seed --at --pretty --color --json --verbose --quiet --help --version telnyx bandwidth answer artifact.completed artifact.failed bridgeComplete bridgeTargetComplete call.ai_gather.ended call.ai_gather.message_history_updated call.ai_gather.partial_results call.analyzed call.answered call.bridged call.conversation.created call.conversation.ended call.conversation.start_failed call.conversation_insights.generated call.cost call.deepfake_detection.error call.deepfake_detection.result call.dequeued call.dtmf.received call.enqueued call.fork.started call.fork.stopped call.gather.ended call.hangup call.hold call.initiated call.machine.detection.ended call.machine.greeting.ended call.machine.premium.call_screening.detected call.machine.premium.detection.ended call.machine.premium.detection.started call.machine.premium.greeting.ended call.payment.completed call.payment.progress call.playback.ended call.playback.started call.recording.error call.recording.saved call.recording.transcription.saved call.refer.completed call.refer.failed call.refer.started call.speak.ended call.speak.started call.transcription call.unhold campaignStatusUpdate conference.created conference.ended conference.floor.changed conference.participant.joined conference.participant.left conference.participant.playback.ended conference.participant.playback.started conference.participant.speak.ended conference.participant.speak.started conference.playback.ended conference.playback.started conference.recording.saved conference.speak.ended conference.speak.started conferenceCompleted conferenceCreated conferenceMemberExit conferenceMemberJoin conferenceRecordingAvailable conferenceRedirect disconnect dtmf fax.delivered fax.failed fax.media.processed fax.queued fax.sending.started gather initiate link_clicked machineDetectionComplete mediaStreamRejected mediaStreamStarted mediaStreamStopped message-delivered message-failed message-queued message-read message-received message-sending message-sent message.echo message.finalized message.read message.received message.sent messaging_hosted_numbers_orders.created messaging_hosted_numbers_orders.deleted messaging_hosted_numbers_orders.internal_transfer_approval_requested messaging_hosted_numbers_orders.internal_transfer_approved messaging_hosted_numbers_orders.internal_transfer_auto_approved messaging_hosted_numbers_orders.internal_transfer_detected messaging_hosted_numbers_orders.internal_transfer_rejected messaging_hosted_numbers_orders.updated number_order.complete number_reputation.external_verification.status_changed number_reputation.number.flagged number_reputation.number.removed realTimeTranscriptionAvailable realTimeTranscriptionRejected realTimeTranscriptionStarted realTimeTranscriptionStopped recordComplete recording.available recordingAvailable recordingComplete redirect referComplete requested-location-response session.status_changed siprec.failed siprec.started siprec.stopped streaming.failed streaming.started streaming.stopped suggestion-response transcript.completed transcriptionAvailable transferAnswer transferComplete transferDisconnect v1-answer v1-conference v1-conference-member v1-conference-playback v1-conference-speak v1-dtmf v1-gather v1-hangup v1-incomingcall v1-mms v1-playback v1-recording v1-reject v1-sms v1-speak v1-timeout v1-transcription whatsapp.account.update whatsapp.waba_added"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --variant)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help)
            opts="demo events example keygen sign verify send listen emulate text replay validate schema config completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__demo)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__emulate)
            opts="messages reset settle"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__emulate__subcmd__messages)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__emulate__subcmd__reset)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__emulate__subcmd__settle)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__events)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__example)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__keygen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__listen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__replay)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__schema)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__send)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__sign)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__text)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__validate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__help__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__keygen)
            opts="-v -q -h -V --out-dir --force --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --out-dir)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__listen)
            opts="-v -q -h -V --port --host --path --public-key --no-verify --tolerance --no-tolerance --basic-auth --reject-unknown --capture --capture-credentials --status --delay --fail-first --bxml --forward-to --max-events --exit-after --max-body --max-connections --max-in-flight --max-header-bytes --read-timeout --idle-timeout --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --host)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tolerance)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --basic-auth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --capture)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --delay)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fail-first)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bxml)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --forward-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-events)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --exit-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-body)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-connections)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-in-flight)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-header-bytes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --read-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --idle-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__man)
            opts="-v -q -h -V --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__replay)
            opts="-H -p -v -q -h -V --to --failover-url --concurrency --rate --private-key --no-signature --basic-auth --max-attempts --backoff --provider-timing --timeout --header --insecure --keep-headers --no-retry --provider --event --id --since --until --shuffle --seed --twice --expect --expect-bxml --report --stop-on-malformed --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --failover-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --basic-auth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-attempts)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --backoff)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                --event)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --until)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expect)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --report)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__schema)
            opts="-v -q -h -V --color --json --verbose --quiet --help --version telnyx bandwidth answer artifact.completed artifact.failed bridgeComplete bridgeTargetComplete call.ai_gather.ended call.ai_gather.message_history_updated call.ai_gather.partial_results call.analyzed call.answered call.bridged call.conversation.created call.conversation.ended call.conversation.start_failed call.conversation_insights.generated call.cost call.deepfake_detection.error call.deepfake_detection.result call.dequeued call.dtmf.received call.enqueued call.fork.started call.fork.stopped call.gather.ended call.hangup call.hold call.initiated call.machine.detection.ended call.machine.greeting.ended call.machine.premium.call_screening.detected call.machine.premium.detection.ended call.machine.premium.detection.started call.machine.premium.greeting.ended call.payment.completed call.payment.progress call.playback.ended call.playback.started call.recording.error call.recording.saved call.recording.transcription.saved call.refer.completed call.refer.failed call.refer.started call.speak.ended call.speak.started call.transcription call.unhold campaignStatusUpdate conference.created conference.ended conference.floor.changed conference.participant.joined conference.participant.left conference.participant.playback.ended conference.participant.playback.started conference.participant.speak.ended conference.participant.speak.started conference.playback.ended conference.playback.started conference.recording.saved conference.speak.ended conference.speak.started conferenceCompleted conferenceCreated conferenceMemberExit conferenceMemberJoin conferenceRecordingAvailable conferenceRedirect disconnect dtmf fax.delivered fax.failed fax.media.processed fax.queued fax.sending.started gather initiate link_clicked machineDetectionComplete mediaStreamRejected mediaStreamStarted mediaStreamStopped message-delivered message-failed message-queued message-read message-received message-sending message-sent message.echo message.finalized message.read message.received message.sent messaging_hosted_numbers_orders.created messaging_hosted_numbers_orders.deleted messaging_hosted_numbers_orders.internal_transfer_approval_requested messaging_hosted_numbers_orders.internal_transfer_approved messaging_hosted_numbers_orders.internal_transfer_auto_approved messaging_hosted_numbers_orders.internal_transfer_detected messaging_hosted_numbers_orders.internal_transfer_rejected messaging_hosted_numbers_orders.updated number_order.complete number_reputation.external_verification.status_changed number_reputation.number.flagged number_reputation.number.removed realTimeTranscriptionAvailable realTimeTranscriptionRejected realTimeTranscriptionStarted realTimeTranscriptionStopped recordComplete recording.available recordingAvailable recordingComplete redirect referComplete requested-location-response session.status_changed siprec.failed siprec.started siprec.stopped streaming.failed streaming.started streaming.stopped suggestion-response transcript.completed transcriptionAvailable transferAnswer transferComplete transferDisconnect v1-answer v1-conference v1-conference-member v1-conference-playback v1-conference-speak v1-dtmf v1-gather v1-hangup v1-incomingcall v1-mms v1-playback v1-recording v1-reject v1-sms v1-speak v1-timeout v1-transcription whatsapp.account.update whatsapp.waba_added"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__send)
            opts="-H -v -q -h -V --to --failover-url --concurrency --rate --private-key --no-signature --basic-auth --max-attempts --backoff --provider-timing --timeout --header --insecure --all --data --flow --variant --set --seed --at --duplicate --shuffle --count --dry-run --format --color --json --verbose --quiet --help --version telnyx bandwidth answer artifact.completed artifact.failed bridgeComplete bridgeTargetComplete call.ai_gather.ended call.ai_gather.message_history_updated call.ai_gather.partial_results call.analyzed call.answered call.bridged call.conversation.created call.conversation.ended call.conversation.start_failed call.conversation_insights.generated call.cost call.deepfake_detection.error call.deepfake_detection.result call.dequeued call.dtmf.received call.enqueued call.fork.started call.fork.stopped call.gather.ended call.hangup call.hold call.initiated call.machine.detection.ended call.machine.greeting.ended call.machine.premium.call_screening.detected call.machine.premium.detection.ended call.machine.premium.detection.started call.machine.premium.greeting.ended call.payment.completed call.payment.progress call.playback.ended call.playback.started call.recording.error call.recording.saved call.recording.transcription.saved call.refer.completed call.refer.failed call.refer.started call.speak.ended call.speak.started call.transcription call.unhold campaignStatusUpdate conference.created conference.ended conference.floor.changed conference.participant.joined conference.participant.left conference.participant.playback.ended conference.participant.playback.started conference.participant.speak.ended conference.participant.speak.started conference.playback.ended conference.playback.started conference.recording.saved conference.speak.ended conference.speak.started conferenceCompleted conferenceCreated conferenceMemberExit conferenceMemberJoin conferenceRecordingAvailable conferenceRedirect disconnect dtmf fax.delivered fax.failed fax.media.processed fax.queued fax.sending.started gather initiate link_clicked machineDetectionComplete mediaStreamRejected mediaStreamStarted mediaStreamStopped message-delivered message-failed message-queued message-read message-received message-sending message-sent message.echo message.finalized message.read message.received message.sent messaging_hosted_numbers_orders.created messaging_hosted_numbers_orders.deleted messaging_hosted_numbers_orders.internal_transfer_approval_requested messaging_hosted_numbers_orders.internal_transfer_approved messaging_hosted_numbers_orders.internal_transfer_auto_approved messaging_hosted_numbers_orders.internal_transfer_detected messaging_hosted_numbers_orders.internal_transfer_rejected messaging_hosted_numbers_orders.updated number_order.complete number_reputation.external_verification.status_changed number_reputation.number.flagged number_reputation.number.removed realTimeTranscriptionAvailable realTimeTranscriptionRejected realTimeTranscriptionStarted realTimeTranscriptionStopped recordComplete recording.available recordingAvailable recordingComplete redirect referComplete requested-location-response session.status_changed siprec.failed siprec.started siprec.stopped streaming.failed streaming.started streaming.stopped suggestion-response transcript.completed transcriptionAvailable transferAnswer transferComplete transferDisconnect v1-answer v1-conference v1-conference-member v1-conference-playback v1-conference-speak v1-dtmf v1-gather v1-hangup v1-incomingcall v1-mms v1-playback v1-recording v1-reject v1-sms v1-speak v1-timeout v1-transcription whatsapp.account.update whatsapp.waba_added"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --failover-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --private-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --basic-auth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-attempts)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --backoff)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -H)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --flow)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --variant)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --duplicate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "http curl" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__sign)
            opts="-v -q -h -V --private-key --timestamp --format --url --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --private-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "headers json curl" -- "${cur}"))
                    return 0
                    ;;
                --url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__text)
            opts="-p -v -q -h -V --from --to --media --provider --emulator --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --media)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --provider)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                -p)
                    COMPREPLY=($(compgen -W "telnyx bandwidth" -- "${cur}"))
                    return 0
                    ;;
                --emulator)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__validate)
            opts="-v -q -h -V --event --report-unlisted --jobs --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --event)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        telhook__subcmd__verify)
            opts="-v -q -h -V --public-key --signature --timestamp --headers --capture --line --tolerance --no-tolerance --now --color --json --verbose --quiet --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signature)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --headers)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --capture)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --line)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tolerance)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _telhook -o nosort -o bashdefault -o default telhook
else
    complete -F _telhook -o bashdefault -o default telhook
fi

# What clap cannot know, written by `telhook completions bash` from telhook's catalog and its
# command line: after PROVIDER that provider's events, after --variant the variants of the event
# named, after --flow the provider's flows, after --event event names. Any other word goes to
# clap's _telhook above.

# The values of a kind, for a provider (and the events named): the words in __tc_words.
__telhook_values() {
    __tc_words=""
    case "$1" in
        providers)
            __tc_words="telnyx bandwidth"
            ;;
        events)
            case "$2" in
                telnyx)
                    __tc_words="message.received message.sent message.finalized message.read link_clicked
                    call.initiated call.answered call.bridged call.hangup call.hold call.unhold
                    call.dtmf.received call.gather.ended call.playback.started call.playback.ended
                    call.speak.started call.speak.ended call.recording.saved call.recording.error
                    call.recording.transcription.saved call.machine.detection.ended
                    call.machine.greeting.ended call.machine.premium.detection.started
                    call.machine.premium.detection.ended call.machine.premium.greeting.ended
                    call.machine.premium.call_screening.detected call.enqueued call.dequeued
                    call.fork.started call.fork.stopped call.refer.started call.refer.completed
                    call.refer.failed call.transcription call.cost call.ai_gather.ended
                    call.ai_gather.partial_results call.ai_gather.message_history_updated
                    call.conversation.created call.conversation.start_failed call.conversation.ended
                    call.conversation_insights.generated call.analyzed
                    call.deepfake_detection.result call.deepfake_detection.error
                    call.payment.progress call.payment.completed conference.created conference.ended
                    conference.floor.changed conference.participant.joined
                    conference.participant.left conference.participant.playback.started
                    conference.participant.playback.ended conference.participant.speak.started
                    conference.participant.speak.ended conference.playback.started
                    conference.playback.ended conference.speak.started conference.speak.ended
                    conference.recording.saved fax.queued fax.media.processed fax.sending.started
                    fax.delivered fax.failed streaming.started streaming.stopped streaming.failed
                    siprec.started siprec.stopped siprec.failed
                    messaging_hosted_numbers_orders.created messaging_hosted_numbers_orders.updated
                    messaging_hosted_numbers_orders.deleted
                    messaging_hosted_numbers_orders.internal_transfer_detected
                    messaging_hosted_numbers_orders.internal_transfer_approval_requested
                    messaging_hosted_numbers_orders.internal_transfer_approved
                    messaging_hosted_numbers_orders.internal_transfer_rejected
                    messaging_hosted_numbers_orders.internal_transfer_auto_approved
                    number_order.complete number_reputation.external_verification.status_changed
                    number_reputation.number.flagged number_reputation.number.removed
                    campaignStatusUpdate session.status_changed transcript.completed
                    recording.available artifact.completed artifact.failed whatsapp.account.update
                    whatsapp.waba_added message.echo"
                    ;;
                bandwidth)
                    __tc_words="message-received message-sending message-delivered message-failed message-sent
                    message-read suggestion-response requested-location-response initiate answer
                    bridgeComplete bridgeTargetComplete conferenceCreated conferenceMemberJoin
                    conferenceMemberExit conferenceRedirect conferenceCompleted
                    conferenceRecordingAvailable disconnect dtmf gather machineDetectionComplete
                    recordComplete recordingAvailable redirect transcriptionAvailable transferAnswer
                    transferComplete referComplete transferDisconnect mediaStreamStarted
                    mediaStreamStopped mediaStreamRejected realTimeTranscriptionStarted
                    realTimeTranscriptionStopped realTimeTranscriptionAvailable
                    realTimeTranscriptionRejected v1-sms v1-mms v1-answer v1-playback v1-timeout
                    v1-conference v1-conference-playback v1-conference-member v1-conference-speak
                    v1-dtmf v1-gather v1-incomingcall v1-hangup v1-reject v1-recording v1-speak
                    v1-transcription message-queued recordingComplete"
                    ;;
            esac
            ;;
        names)
            case "$2" in
                telnyx)
                    __tc_words="message.received message.sent message.finalized message.read link_clicked
                    call.initiated call.answered call.bridged call.hangup call.hold call.unhold
                    call.dtmf.received call.gather.ended call.playback.started call.playback.ended
                    call.speak.started call.speak.ended call.recording.saved call.recording.error
                    call.recording.transcription.saved call.machine.detection.ended
                    call.machine.greeting.ended call.machine.premium.detection.started
                    call.machine.premium.detection.ended call.machine.premium.greeting.ended
                    call.machine.premium.call_screening.detected call.enqueued call.dequeued
                    call.fork.started call.fork.stopped call.refer.started call.refer.completed
                    call.refer.failed call.transcription call.cost call.ai_gather.ended
                    call.ai_gather.partial_results call.ai_gather.message_history_updated
                    call.conversation.created call.conversation.start_failed call.conversation.ended
                    call.conversation_insights.generated call.analyzed
                    call.deepfake_detection.result call.deepfake_detection.error
                    call.payment.progress call.payment.completed conference.created conference.ended
                    conference.floor.changed conference.participant.joined
                    conference.participant.left conference.participant.playback.started
                    conference.participant.playback.ended conference.participant.speak.started
                    conference.participant.speak.ended conference.playback.started
                    conference.playback.ended conference.speak.started conference.speak.ended
                    conference.recording.saved fax.queued fax.media.processed fax.sending.started
                    fax.delivered fax.failed streaming.started streaming.stopped streaming.failed
                    siprec.started siprec.stopped siprec.failed
                    messaging_hosted_numbers_orders.created messaging_hosted_numbers_orders.updated
                    messaging_hosted_numbers_orders.deleted
                    messaging_hosted_numbers_orders.internal_transfer_detected
                    messaging_hosted_numbers_orders.internal_transfer_approval_requested
                    messaging_hosted_numbers_orders.internal_transfer_approved
                    messaging_hosted_numbers_orders.internal_transfer_rejected
                    messaging_hosted_numbers_orders.internal_transfer_auto_approved
                    number_order.complete number_reputation.external_verification.status_changed
                    number_reputation.number.flagged number_reputation.number.removed
                    campaignStatusUpdate session.status_changed transcript.completed
                    recording.available artifact.completed artifact.failed whatsapp.account.update
                    whatsapp.waba_added message.echo"
                    ;;
                bandwidth)
                    __tc_words="message-received message-sending message-delivered message-failed message-sent
                    message-read suggestion-response requested-location-response initiate answer
                    bridgeComplete bridgeTargetComplete conferenceCreated conferenceMemberJoin
                    conferenceMemberExit conferenceRedirect conferenceCompleted
                    conferenceRecordingAvailable disconnect dtmf gather machineDetectionComplete
                    recordComplete recordingAvailable redirect transcriptionAvailable transferAnswer
                    transferComplete referComplete transferDisconnect mediaStreamStarted
                    mediaStreamStopped mediaStreamRejected realTimeTranscriptionStarted
                    realTimeTranscriptionStopped realTimeTranscriptionAvailable
                    realTimeTranscriptionRejected v1-sms v1-mms v1-answer v1-playback v1-timeout
                    v1-conference v1-conference-playback v1-conference-member v1-conference-speak
                    v1-dtmf v1-gather v1-incomingcall v1-hangup v1-reject v1-recording v1-speak
                    v1-transcription"
                    ;;
                *)
                    __tc_words="message.received message.sent message.finalized message.read link_clicked
                    call.initiated call.answered call.bridged call.hangup call.hold call.unhold
                    call.dtmf.received call.gather.ended call.playback.started call.playback.ended
                    call.speak.started call.speak.ended call.recording.saved call.recording.error
                    call.recording.transcription.saved call.machine.detection.ended
                    call.machine.greeting.ended call.machine.premium.detection.started
                    call.machine.premium.detection.ended call.machine.premium.greeting.ended
                    call.machine.premium.call_screening.detected call.enqueued call.dequeued
                    call.fork.started call.fork.stopped call.refer.started call.refer.completed
                    call.refer.failed call.transcription call.cost call.ai_gather.ended
                    call.ai_gather.partial_results call.ai_gather.message_history_updated
                    call.conversation.created call.conversation.start_failed call.conversation.ended
                    call.conversation_insights.generated call.analyzed
                    call.deepfake_detection.result call.deepfake_detection.error
                    call.payment.progress call.payment.completed conference.created conference.ended
                    conference.floor.changed conference.participant.joined
                    conference.participant.left conference.participant.playback.started
                    conference.participant.playback.ended conference.participant.speak.started
                    conference.participant.speak.ended conference.playback.started
                    conference.playback.ended conference.speak.started conference.speak.ended
                    conference.recording.saved fax.queued fax.media.processed fax.sending.started
                    fax.delivered fax.failed streaming.started streaming.stopped streaming.failed
                    siprec.started siprec.stopped siprec.failed
                    messaging_hosted_numbers_orders.created messaging_hosted_numbers_orders.updated
                    messaging_hosted_numbers_orders.deleted
                    messaging_hosted_numbers_orders.internal_transfer_detected
                    messaging_hosted_numbers_orders.internal_transfer_approval_requested
                    messaging_hosted_numbers_orders.internal_transfer_approved
                    messaging_hosted_numbers_orders.internal_transfer_rejected
                    messaging_hosted_numbers_orders.internal_transfer_auto_approved
                    number_order.complete number_reputation.external_verification.status_changed
                    number_reputation.number.flagged number_reputation.number.removed
                    campaignStatusUpdate session.status_changed transcript.completed
                    recording.available artifact.completed artifact.failed whatsapp.account.update
                    whatsapp.waba_added message.echo message-received message-sending
                    message-delivered message-failed message-sent message-read suggestion-response
                    requested-location-response initiate answer bridgeComplete bridgeTargetComplete
                    conferenceCreated conferenceMemberJoin conferenceMemberExit conferenceRedirect
                    conferenceCompleted conferenceRecordingAvailable disconnect dtmf gather
                    machineDetectionComplete recordComplete recordingAvailable redirect
                    transcriptionAvailable transferAnswer transferComplete referComplete
                    transferDisconnect mediaStreamStarted mediaStreamStopped mediaStreamRejected
                    realTimeTranscriptionStarted realTimeTranscriptionStopped
                    realTimeTranscriptionAvailable realTimeTranscriptionRejected v1-sms v1-mms
                    v1-answer v1-playback v1-timeout v1-conference v1-conference-playback
                    v1-conference-member v1-conference-speak v1-dtmf v1-gather v1-incomingcall
                    v1-hangup v1-reject v1-recording v1-speak v1-transcription"
                    ;;
            esac
            ;;
        flows)
            case "$2" in
                telnyx)
                    __tc_words="outbound-message outbound-message-failed call"
                    ;;
                bandwidth)
                    __tc_words="outbound-mms outbound-mms-failed inbound-group call"
                    ;;
                *)
                    __tc_words="outbound-message outbound-message-failed call outbound-mms outbound-mms-failed
                    inbound-group"
                    ;;
            esac
            ;;
        qualified)
            __tc_words="telnyx/message.received telnyx/message.sent telnyx/message.finalized
                telnyx/message.read telnyx/link_clicked telnyx/call.initiated telnyx/call.answered
                telnyx/call.bridged telnyx/call.hangup telnyx/call.hold telnyx/call.unhold
                telnyx/call.dtmf.received telnyx/call.gather.ended telnyx/call.playback.started
                telnyx/call.playback.ended telnyx/call.speak.started telnyx/call.speak.ended
                telnyx/call.recording.saved telnyx/call.recording.error
                telnyx/call.recording.transcription.saved telnyx/call.machine.detection.ended
                telnyx/call.machine.greeting.ended telnyx/call.machine.premium.detection.started
                telnyx/call.machine.premium.detection.ended
                telnyx/call.machine.premium.greeting.ended
                telnyx/call.machine.premium.call_screening.detected telnyx/call.enqueued
                telnyx/call.dequeued telnyx/call.fork.started telnyx/call.fork.stopped
                telnyx/call.refer.started telnyx/call.refer.completed telnyx/call.refer.failed
                telnyx/call.transcription telnyx/call.cost telnyx/call.ai_gather.ended
                telnyx/call.ai_gather.partial_results telnyx/call.ai_gather.message_history_updated
                telnyx/call.conversation.created telnyx/call.conversation.start_failed
                telnyx/call.conversation.ended telnyx/call.conversation_insights.generated
                telnyx/call.analyzed telnyx/call.deepfake_detection.result
                telnyx/call.deepfake_detection.error telnyx/call.payment.progress
                telnyx/call.payment.completed telnyx/conference.created telnyx/conference.ended
                telnyx/conference.floor.changed telnyx/conference.participant.joined
                telnyx/conference.participant.left telnyx/conference.participant.playback.started
                telnyx/conference.participant.playback.ended
                telnyx/conference.participant.speak.started
                telnyx/conference.participant.speak.ended telnyx/conference.playback.started
                telnyx/conference.playback.ended telnyx/conference.speak.started
                telnyx/conference.speak.ended telnyx/conference.recording.saved telnyx/fax.queued
                telnyx/fax.media.processed telnyx/fax.sending.started telnyx/fax.delivered
                telnyx/fax.failed telnyx/streaming.started telnyx/streaming.stopped
                telnyx/streaming.failed telnyx/siprec.started telnyx/siprec.stopped
                telnyx/siprec.failed telnyx/messaging_hosted_numbers_orders.created
                telnyx/messaging_hosted_numbers_orders.updated
                telnyx/messaging_hosted_numbers_orders.deleted
                telnyx/messaging_hosted_numbers_orders.internal_transfer_detected
                telnyx/messaging_hosted_numbers_orders.internal_transfer_approval_requested
                telnyx/messaging_hosted_numbers_orders.internal_transfer_approved
                telnyx/messaging_hosted_numbers_orders.internal_transfer_rejected
                telnyx/messaging_hosted_numbers_orders.internal_transfer_auto_approved
                telnyx/number_order.complete
                telnyx/number_reputation.external_verification.status_changed
                telnyx/number_reputation.number.flagged telnyx/number_reputation.number.removed
                telnyx/campaignStatusUpdate telnyx/session.status_changed
                telnyx/transcript.completed telnyx/recording.available telnyx/artifact.completed
                telnyx/artifact.failed telnyx/whatsapp.account.update telnyx/whatsapp.waba_added
                telnyx/message.echo bandwidth/message-received bandwidth/message-sending
                bandwidth/message-delivered bandwidth/message-failed bandwidth/message-sent
                bandwidth/message-read bandwidth/suggestion-response
                bandwidth/requested-location-response bandwidth/initiate bandwidth/answer
                bandwidth/bridgeComplete bandwidth/bridgeTargetComplete bandwidth/conferenceCreated
                bandwidth/conferenceMemberJoin bandwidth/conferenceMemberExit
                bandwidth/conferenceRedirect bandwidth/conferenceCompleted
                bandwidth/conferenceRecordingAvailable bandwidth/disconnect bandwidth/dtmf
                bandwidth/gather bandwidth/machineDetectionComplete bandwidth/recordComplete
                bandwidth/recordingAvailable bandwidth/redirect bandwidth/transcriptionAvailable
                bandwidth/transferAnswer bandwidth/transferComplete bandwidth/referComplete
                bandwidth/transferDisconnect bandwidth/mediaStreamStarted
                bandwidth/mediaStreamStopped bandwidth/mediaStreamRejected
                bandwidth/realTimeTranscriptionStarted bandwidth/realTimeTranscriptionStopped
                bandwidth/realTimeTranscriptionAvailable bandwidth/realTimeTranscriptionRejected
                bandwidth/v1-sms bandwidth/v1-mms bandwidth/v1-answer bandwidth/v1-playback
                bandwidth/v1-timeout bandwidth/v1-conference bandwidth/v1-conference-playback
                bandwidth/v1-conference-member bandwidth/v1-conference-speak bandwidth/v1-dtmf
                bandwidth/v1-gather bandwidth/v1-incomingcall bandwidth/v1-hangup
                bandwidth/v1-reject bandwidth/v1-recording bandwidth/v1-speak
                bandwidth/v1-transcription bandwidth/message-queued bandwidth/recordingComplete"
            ;;
        variants)
            local provider="$2" event
            shift 2
            for event in "$@"; do
                case "$provider/$event" in
                    telnyx/message.received) __tc_words+=" sms mms group-mms" ;;
                    telnyx/message.sent) __tc_words+=" sms mms" ;;
                    telnyx/message.finalized) __tc_words+=" delivered sending_failed delivery_failed delivery_unconfirmed expired group-mms" ;;
                    telnyx/message.read) __tc_words+=" rcs whatsapp" ;;
                    telnyx/link_clicked) __tc_words+=" default" ;;
                    telnyx/call.initiated) __tc_words+=" incoming outgoing" ;;
                    telnyx/call.answered) __tc_words+=" default" ;;
                    telnyx/call.bridged) __tc_words+=" default" ;;
                    telnyx/call.hangup) __tc_words+=" normal_clearing call_rejected user_busy no_answer" ;;
                    telnyx/call.hold) __tc_words+=" default" ;;
                    telnyx/call.unhold) __tc_words+=" default" ;;
                    telnyx/call.dtmf.received) __tc_words+=" default" ;;
                    telnyx/call.gather.ended) __tc_words+=" default" ;;
                    telnyx/call.playback.started) __tc_words+=" default" ;;
                    telnyx/call.playback.ended) __tc_words+=" default" ;;
                    telnyx/call.speak.started) __tc_words+=" default" ;;
                    telnyx/call.speak.ended) __tc_words+=" default" ;;
                    telnyx/call.recording.saved) __tc_words+=" default" ;;
                    telnyx/call.recording.error) __tc_words+=" default" ;;
                    telnyx/call.recording.transcription.saved) __tc_words+=" default" ;;
                    telnyx/call.machine.detection.ended) __tc_words+=" default" ;;
                    telnyx/call.machine.greeting.ended) __tc_words+=" default" ;;
                    telnyx/call.machine.premium.detection.started) __tc_words+=" default" ;;
                    telnyx/call.machine.premium.detection.ended) __tc_words+=" default" ;;
                    telnyx/call.machine.premium.greeting.ended) __tc_words+=" default" ;;
                    telnyx/call.machine.premium.call_screening.detected) __tc_words+=" default" ;;
                    telnyx/call.enqueued) __tc_words+=" default" ;;
                    telnyx/call.dequeued) __tc_words+=" default" ;;
                    telnyx/call.fork.started) __tc_words+=" default" ;;
                    telnyx/call.fork.stopped) __tc_words+=" default" ;;
                    telnyx/call.refer.started) __tc_words+=" default" ;;
                    telnyx/call.refer.completed) __tc_words+=" default" ;;
                    telnyx/call.refer.failed) __tc_words+=" default" ;;
                    telnyx/call.transcription) __tc_words+=" default" ;;
                    telnyx/call.cost) __tc_words+=" default" ;;
                    telnyx/call.ai_gather.ended) __tc_words+=" default" ;;
                    telnyx/call.ai_gather.partial_results) __tc_words+=" default" ;;
                    telnyx/call.ai_gather.message_history_updated) __tc_words+=" default" ;;
                    telnyx/call.conversation.created) __tc_words+=" default" ;;
                    telnyx/call.conversation.start_failed) __tc_words+=" invalid_request service_error" ;;
                    telnyx/call.conversation.ended) __tc_words+=" default" ;;
                    telnyx/call.conversation_insights.generated) __tc_words+=" default" ;;
                    telnyx/call.analyzed) __tc_words+=" default data-unavailable" ;;
                    telnyx/call.deepfake_detection.result) __tc_words+=" default" ;;
                    telnyx/call.deepfake_detection.error) __tc_words+=" default" ;;
                    telnyx/call.payment.progress) __tc_words+=" card-number invalid-input processing" ;;
                    telnyx/call.payment.completed) __tc_words+=" charge tokenize ach-debit connector-error too-many-failed-attempts" ;;
                    telnyx/conference.created) __tc_words+=" default" ;;
                    telnyx/conference.ended) __tc_words+=" default" ;;
                    telnyx/conference.floor.changed) __tc_words+=" default flat" ;;
                    telnyx/conference.participant.joined) __tc_words+=" default" ;;
                    telnyx/conference.participant.left) __tc_words+=" default" ;;
                    telnyx/conference.participant.playback.started) __tc_words+=" default" ;;
                    telnyx/conference.participant.playback.ended) __tc_words+=" default" ;;
                    telnyx/conference.participant.speak.started) __tc_words+=" default" ;;
                    telnyx/conference.participant.speak.ended) __tc_words+=" default" ;;
                    telnyx/conference.playback.started) __tc_words+=" default" ;;
                    telnyx/conference.playback.ended) __tc_words+=" default" ;;
                    telnyx/conference.speak.started) __tc_words+=" default" ;;
                    telnyx/conference.speak.ended) __tc_words+=" default" ;;
                    telnyx/conference.recording.saved) __tc_words+=" default" ;;
                    telnyx/fax.queued) __tc_words+=" default" ;;
                    telnyx/fax.media.processed) __tc_words+=" default" ;;
                    telnyx/fax.sending.started) __tc_words+=" default" ;;
                    telnyx/fax.delivered) __tc_words+=" default" ;;
                    telnyx/fax.failed) __tc_words+=" default" ;;
                    telnyx/streaming.started) __tc_words+=" default" ;;
                    telnyx/streaming.stopped) __tc_words+=" default" ;;
                    telnyx/streaming.failed) __tc_words+=" default" ;;
                    telnyx/siprec.started) __tc_words+=" default" ;;
                    telnyx/siprec.stopped) __tc_words+=" default" ;;
                    telnyx/siprec.failed) __tc_words+=" default" ;;
                    telnyx/messaging_hosted_numbers_orders.created) __tc_words+=" default" ;;
                    telnyx/messaging_hosted_numbers_orders.updated) __tc_words+=" provisioning successful failed" ;;
                    telnyx/messaging_hosted_numbers_orders.deleted) __tc_words+=" default" ;;
                    telnyx/messaging_hosted_numbers_orders.internal_transfer_detected) __tc_words+=" default" ;;
                    telnyx/messaging_hosted_numbers_orders.internal_transfer_approval_requested) __tc_words+=" default" ;;
                    telnyx/messaging_hosted_numbers_orders.internal_transfer_approved) __tc_words+=" default" ;;
                    telnyx/messaging_hosted_numbers_orders.internal_transfer_rejected) __tc_words+=" default" ;;
                    telnyx/messaging_hosted_numbers_orders.internal_transfer_auto_approved) __tc_words+=" default" ;;
                    telnyx/number_order.complete) __tc_words+=" success failure" ;;
                    telnyx/number_reputation.external_verification.status_changed) __tc_words+=" approved rejected" ;;
                    telnyx/number_reputation.number.flagged) __tc_words+=" carrier_changed reverification_due" ;;
                    telnyx/number_reputation.number.removed) __tc_words+=" ported_away unconfirmed_ownership reassigned customer_reported" ;;
                    telnyx/campaignStatusUpdate) __tc_words+=" registration mno_review rejected dormant number_pool" ;;
                    telnyx/session.status_changed) __tc_words+=" waiting_for_admission active ended admission_denied" ;;
                    telnyx/transcript.completed) __tc_words+=" default" ;;
                    telnyx/recording.available) __tc_words+=" default" ;;
                    telnyx/artifact.completed) __tc_words+=" summary action_items custom" ;;
                    telnyx/artifact.failed) __tc_words+=" default" ;;
                    telnyx/whatsapp.account.update) __tc_words+=" default" ;;
                    telnyx/whatsapp.waba_added) __tc_words+=" success failure" ;;
                    telnyx/message.echo) __tc_words+=" text image" ;;
                    bandwidth/message-received) __tc_words+=" sms mms group" ;;
                    bandwidth/message-sending) __tc_words+=" default queued" ;;
                    bandwidth/message-delivered) __tc_words+=" sms mms group-mms toll-free" ;;
                    bandwidth/message-failed) __tc_words+=" default dlr-timeout" ;;
                    bandwidth/message-sent) __tc_words+=" default" ;;
                    bandwidth/message-read) __tc_words+=" default" ;;
                    bandwidth/suggestion-response) __tc_words+=" default" ;;
                    bandwidth/requested-location-response) __tc_words+=" default" ;;
                    bandwidth/initiate) __tc_words+=" default diversion stir-shaken uui" ;;
                    bandwidth/answer) __tc_words+=" default machine-detection enqueued" ;;
                    bandwidth/bridgeComplete) __tc_words+=" default failed enqueued" ;;
                    bandwidth/bridgeTargetComplete) __tc_words+=" default enqueued" ;;
                    bandwidth/conferenceCreated) __tc_words+=" default" ;;
                    bandwidth/conferenceMemberJoin) __tc_words+=" default" ;;
                    bandwidth/conferenceMemberExit) __tc_words+=" default" ;;
                    bandwidth/conferenceRedirect) __tc_words+=" default" ;;
                    bandwidth/conferenceCompleted) __tc_words+=" default" ;;
                    bandwidth/conferenceRecordingAvailable) __tc_words+=" default" ;;
                    bandwidth/disconnect) __tc_words+=" default busy timeout enqueued" ;;
                    bandwidth/dtmf) __tc_words+=" default enqueued" ;;
                    bandwidth/gather) __tc_words+=" default terminating-digit enqueued" ;;
                    bandwidth/machineDetectionComplete) __tc_words+=" default human enqueued" ;;
                    bandwidth/recordComplete) __tc_words+=" default enqueued" ;;
                    bandwidth/recordingAvailable) __tc_words+=" default enqueued" ;;
                    bandwidth/redirect) __tc_words+=" default answered enqueued" ;;
                    bandwidth/transcriptionAvailable) __tc_words+=" default enqueued" ;;
                    bandwidth/transferAnswer) __tc_words+=" default enqueued" ;;
                    bandwidth/transferComplete) __tc_words+=" default busy enqueued" ;;
                    bandwidth/referComplete) __tc_words+=" default failure rejected" ;;
                    bandwidth/transferDisconnect) __tc_words+=" default busy enqueued" ;;
                    bandwidth/mediaStreamStarted) __tc_words+=" default" ;;
                    bandwidth/mediaStreamStopped) __tc_words+=" default" ;;
                    bandwidth/mediaStreamRejected) __tc_words+=" default" ;;
                    bandwidth/realTimeTranscriptionStarted) __tc_words+=" default destination" ;;
                    bandwidth/realTimeTranscriptionStopped) __tc_words+=" default destination" ;;
                    bandwidth/realTimeTranscriptionAvailable) __tc_words+=" default" ;;
                    bandwidth/realTimeTranscriptionRejected) __tc_words+=" default destination" ;;
                    bandwidth/v1-sms) __tc_words+=" inbound outbound" ;;
                    bandwidth/v1-mms) __tc_words+=" default" ;;
                    bandwidth/v1-answer) __tc_words+=" default" ;;
                    bandwidth/v1-playback) __tc_words+=" started done" ;;
                    bandwidth/v1-timeout) __tc_words+=" default" ;;
                    bandwidth/v1-conference) __tc_words+=" created completed" ;;
                    bandwidth/v1-conference-playback) __tc_words+=" started done" ;;
                    bandwidth/v1-conference-member) __tc_words+=" joined left muted" ;;
                    bandwidth/v1-conference-speak) __tc_words+=" started done" ;;
                    bandwidth/v1-dtmf) __tc_words+=" default" ;;
                    bandwidth/v1-gather) __tc_words+=" default" ;;
                    bandwidth/v1-incomingcall) __tc_words+=" default" ;;
                    bandwidth/v1-hangup) __tc_words+=" default" ;;
                    bandwidth/v1-reject) __tc_words+=" default" ;;
                    bandwidth/v1-recording) __tc_words+=" complete error" ;;
                    bandwidth/v1-speak) __tc_words+=" started done" ;;
                    bandwidth/v1-transcription) __tc_words+=" completed error" ;;
                    bandwidth/message-queued) __tc_words+=" default queued" ;;
                    bandwidth/recordingComplete) __tc_words+=" default enqueued" ;;
                esac
            done
            ;;
    esac
}

# The commands that complete from the catalog, as the command line has them: options that
# take a value, which option picks the provider, where PROVIDER and EVENT stand, what each
# positional and the value-completing flags complete to.
__telhook_command() {
    case "$1" in
        example)
            __tc_value_opts=" --variant --set --seed --at --color "
            __tc_provider_opts="  "
            __tc_flags=" --variant:variants "
            __tc_positions="providers events"
            __tc_beyond=nothing
            __tc_provider_at=0
            __tc_event_at=1
            ;;
        send)
            __tc_value_opts=" --to --failover-url --concurrency --rate --private-key --basic-auth --max-attempts --backoff --timeout --header -H --data --flow --variant --set --seed --at --duplicate --count --format --color "
            __tc_provider_opts="  "
            __tc_flags=" --flow:flows --variant:variants "
            __tc_positions="providers events"
            __tc_beyond=events
            __tc_provider_at=0
            __tc_event_at=1
            ;;
        replay)
            __tc_value_opts=" --to --failover-url --concurrency --rate --private-key --basic-auth --max-attempts --backoff --timeout --header -H --provider -p --event --id --since --until --seed --expect --report --color "
            __tc_provider_opts=" --provider -p "
            __tc_flags=" --event:names "
            __tc_positions="clap"
            __tc_beyond=clap
            __tc_provider_at=
            __tc_event_at=1
            ;;
        validate)
            __tc_value_opts=" --event --jobs --color "
            __tc_provider_opts="  "
            __tc_flags=" --event:qualified "
            __tc_positions="clap"
            __tc_beyond=clap
            __tc_provider_at=
            __tc_event_at=1
            ;;
        schema)
            __tc_value_opts=" --color "
            __tc_provider_opts="  "
            __tc_flags="  "
            __tc_positions="providers events"
            __tc_beyond=nothing
            __tc_provider_at=0
            __tc_event_at=1
            ;;
        *)
            return 1
            ;;
    esac
}

_telhook_catalog() {
    local w i j=-1 before rest="${COMP_LINE:0:COMP_POINT}" raw="${COMP_WORDS[COMP_CWORD]}"
    local -a words=()
    # bash splits words at the characters of COMP_WORDBREAKS too (--to http://h:1/x is five
    # words, --flow=x three): glue back what no blank separates, to see the words as telhook will.
    for (( i = 0; i <= COMP_CWORD; i++ )); do
        w="${COMP_WORDS[i]}"
        if [[ -z $w ]]; then
            before="$rest"
        else
            before="${rest%%"$w"*}"
            rest="${rest#*"$w"}"
        fi
        if (( j >= 1 )) && [[ -z $before ]]; then
            words[j]+="$w"
        else
            words[++j]="$w"
        fi
    done
    local cur="${words[j]}" pending="" cmd="" end=0 kind="" provider=""
    # Until the command: the options of the top level that take a value.
    local __tc_value_opts=" --color " __tc_provider_opts=" " __tc_flags=" "
    local __tc_positions="" __tc_beyond="" __tc_provider_at="" __tc_event_at=0 __tc_words=""
    local -a positionals=()
    for (( i = 1; i < j; i++ )); do
        w="${words[i]}"
        if [[ -n $pending ]]; then
            [[ $__tc_provider_opts == *" $pending "* ]] && provider="$w"
            pending=""
            continue
        fi
        if (( !end )) && [[ $w == -?* ]]; then
            if [[ $w == -- ]]; then
                [[ -n $cmd ]] && end=1
            elif [[ $w == --*=* ]]; then
                [[ $__tc_provider_opts == *" ${w%%=*} "* ]] && provider="${w#*=}"
            elif [[ $__tc_value_opts == *" $w "* ]]; then
                pending="$w"
            elif [[ $w != --* && $__tc_value_opts == *" ${w:0:2} "* ]]; then
                # A short option with its value attached (-pbandwidth).
                [[ $__tc_provider_opts == *" ${w:0:2} "* ]] && provider="${w:2}"
            fi
            continue
        fi
        if [[ -z $cmd ]]; then
            if ! __telhook_command "$w"; then
                _telhook "$@"
                return
            fi
            cmd="$w"
            continue
        fi
        positionals+=("$w")
    done
    if [[ -z $cmd ]]; then
        _telhook "$@"
        return
    fi
    if [[ -n $__tc_provider_at ]] && (( __tc_provider_at < ${#positionals[@]} )); then
        provider="${positionals[__tc_provider_at]}"
    fi
    if (( !end )) && [[ -z $pending && $cur == --*=* ]]; then
        pending="${cur%%=*}"
    fi
    if [[ -n $pending ]]; then
        if [[ $__tc_flags != *" $pending:"* ]]; then
            _telhook "$@"
            return
        fi
        kind="${__tc_flags#* $pending:}"
        kind="${kind%% *}"
    elif (( !end )) && [[ $cur == -* ]]; then
        _telhook "$@"
        return
    else
        local -a positions=($__tc_positions)
        if (( ${#positionals[@]} < ${#positions[@]} )); then
            kind="${positions[${#positionals[@]}]}"
        else
            kind="$__tc_beyond"
        fi
        if [[ $kind == clap ]]; then
            _telhook "$@"
            return
        fi
    fi
    __telhook_values "$kind" "$provider" "${positionals[@]:__tc_event_at}"
    # readline completes the text after the last word break (after the '=' of --flow=).
    [[ -n $COMP_WORDBREAKS && -z ${raw//[$COMP_WORDBREAKS]/} ]] && raw=""
    COMPREPLY=($(compgen -W "$__tc_words" -- "$raw"))
    # These values are never file names.
    compopt +o default +o bashdefault 2>/dev/null
    return 0
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _telhook_catalog -o nosort -o bashdefault -o default telhook
else
    complete -F _telhook_catalog -o bashdefault -o default telhook
fi

//! Bandwidth event catalog: every documented callback with its embedded templates.
use crate::catalog::{Alias, Direction, Event, Family, Flow, Provider, Reply, Step, Variant};

macro_rules! template {
    ($file:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/bandwidth/events/",
            $file
        ))
    };
}

pub static EVENTS: &[Event] = &[
    // ---- messaging-v2 --------------------------------------------------------------------
    Event {
        provider: Provider::Bandwidth,
        family: Family::MessagingV2,
        name: "message-received",
        wire_name: "message-received",
        direction: Direction::Inbound,
        reply: Reply::Ack,
        description: "An SMS or MMS reached one of your numbers",
        variants: &[
            Variant {
                name: "sms",
                description: "Text message to one of your numbers",
                template: template!("message-received.sms.json"),
            },
            Variant {
                name: "mms",
                description: "Picture message with one media URL",
                template: template!("message-received.mms.json"),
            },
            Variant {
                name: "group",
                description: "Group MMS; one callback per recipient number you own",
                template: template!("message-received.group.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::MessagingV2,
        name: "message-sending",
        wire_name: "message-sending",
        direction: Direction::Outbound,
        reply: Reply::Ack,
        description: "Your MMS is on its way to the carrier (MMS delivery receipts)",
        variants: &[
            Variant {
                name: "default",
                description: "MMS handed to the carrier, waiting for a delivery receipt",
                template: template!("message-sending.json"),
            },
            Variant {
                name: "queued",
                description: "The 2020 name of this event: type message-queued",
                template: template!("message-sending.queued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::MessagingV2,
        name: "message-delivered",
        wire_name: "message-delivered",
        direction: Direction::Outbound,
        reply: Reply::Ack,
        description: "Your message reached the carrier (or the handset, toll-free)",
        variants: &[
            Variant {
                name: "sms",
                description: "SMS accepted by the recipient's carrier",
                template: template!("message-delivered.sms.json"),
            },
            Variant {
                name: "mms",
                description: "MMS delivered, with the media it carried",
                template: template!("message-delivered.mms.json"),
            },
            Variant {
                name: "group-mms",
                description: "Group MMS: the receipt for one of the recipients",
                template: template!("message-delivered.group-mms.json"),
            },
            Variant {
                name: "toll-free",
                description: "Handset delivery receipt for a toll-free sender",
                template: template!("message-delivered.toll-free.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::MessagingV2,
        name: "message-failed",
        wire_name: "message-failed",
        direction: Direction::Outbound,
        reply: Reply::Ack,
        description: "Your message could not be delivered; carries an errorCode",
        variants: &[
            Variant {
                name: "default",
                description: "SMS failed with a documented error code",
                template: template!("message-failed.json"),
            },
            Variant {
                name: "dlr-timeout",
                description: "9902: no delivery receipt arrived within the wait time",
                template: template!("message-failed.dlr-timeout.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::MessagingV2,
        name: "message-sent",
        wire_name: "message-sent",
        direction: Direction::Outbound,
        reply: Reply::Ack,
        description: "Your message left Bandwidth toward the carrier (2025+ API)",
        variants: &[Variant {
            name: "default",
            description: "MMS handed off downstream (OpenAPI example shape)",
            template: template!("message-sent.json"),
        }],
    },
    // ---- voice-v2 ------------------------------------------------------------------------
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "initiate",
        wire_name: "initiate",
        direction: Direction::Inbound,
        reply: Reply::BxmlRequired,
        description: "A call is coming in to one of your numbers; reply with BXML",
        variants: &[
            Variant {
                name: "default",
                description: "Incoming call",
                template: template!("initiate.json"),
            },
            Variant {
                name: "diversion",
                description: "Forwarded call with the parsed SIP Diversion header",
                template: template!("initiate.diversion.json"),
            },
            Variant {
                name: "stir-shaken",
                description: "Incoming call with its STIR/SHAKEN verification result",
                template: template!("initiate.stir-shaken.json"),
            },
            Variant {
                name: "uui",
                description: "Incoming call carrying SIP User-to-User information",
                template: template!("initiate.uui.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "answer",
        wire_name: "answer",
        direction: Direction::Either,
        reply: Reply::BxmlRequired,
        description: "Your outbound call was answered; reply with BXML",
        variants: &[
            Variant {
                name: "default",
                description: "Outbound call answered",
                template: template!("answer.json"),
            },
            Variant {
                name: "machine-detection",
                description: "Answered, with a tag and the synchronous AMD verdict",
                template: template!("answer.machine-detection.json"),
            },
            Variant {
                name: "enqueued",
                description: "Answer of a call that waited in the outbound queue",
                template: template!("answer.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "bridgeComplete",
        wire_name: "bridgeComplete",
        direction: Direction::Either,
        reply: Reply::BxmlRequired,
        description: "A <Bridge> ended; the call continues with your BXML",
        variants: &[
            Variant {
                name: "default",
                description: "Bridge ended normally",
                template: template!("bridgeComplete.json"),
            },
            Variant {
                name: "failed",
                description: "Bridge failed: the target is already bridged elsewhere",
                template: template!("bridgeComplete.failed.json"),
            },
            Variant {
                name: "enqueued",
                description: "Bridge ended on a call that was queued first",
                template: template!("bridgeComplete.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "bridgeTargetComplete",
        wire_name: "bridgeTargetComplete",
        direction: Direction::Either,
        reply: Reply::BxmlRequired,
        description: "The target call of a <Bridge> left it; reply with BXML",
        variants: &[
            Variant {
                name: "default",
                description: "Bridge target call released",
                template: template!("bridgeTargetComplete.json"),
            },
            Variant {
                name: "enqueued",
                description: "Bridge target that was queued first",
                template: template!("bridgeTargetComplete.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "conferenceCreated",
        wire_name: "conferenceCreated",
        direction: Direction::Either,
        reply: Reply::BxmlOptional,
        description: "A <Conference> was created; 204 or conference BXML",
        variants: &[Variant {
            name: "default",
            description: "Conference created",
            template: template!("conferenceCreated.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "conferenceMemberJoin",
        wire_name: "conferenceMemberJoin",
        direction: Direction::Either,
        reply: Reply::BxmlOptional,
        description: "A call joined a conference; 204 or conference BXML",
        variants: &[Variant {
            name: "default",
            description: "Member joined",
            template: template!("conferenceMemberJoin.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "conferenceMemberExit",
        wire_name: "conferenceMemberExit",
        direction: Direction::Either,
        reply: Reply::BxmlOptional,
        description: "A call left a conference; 204 or conference BXML",
        variants: &[Variant {
            name: "default",
            description: "Member left",
            template: template!("conferenceMemberExit.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "conferenceRedirect",
        wire_name: "conferenceRedirect",
        direction: Direction::Either,
        reply: Reply::BxmlOptional,
        description: "A conference was redirected by an API update",
        variants: &[Variant {
            name: "default",
            description: "Conference redirected",
            template: template!("conferenceRedirect.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "conferenceCompleted",
        wire_name: "conferenceCompleted",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "The last member left and the conference ended",
        variants: &[Variant {
            name: "default",
            description: "Conference completed",
            template: template!("conferenceCompleted.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "conferenceRecordingAvailable",
        wire_name: "conferenceRecordingAvailable",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "A conference recording is ready to download",
        variants: &[Variant {
            name: "default",
            description: "Conference recording available",
            template: template!("conferenceRecordingAvailable.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "disconnect",
        wire_name: "disconnect",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "A call ended; carries the cause",
        variants: &[
            Variant {
                name: "default",
                description: "Answered call hung up normally",
                template: template!("disconnect.json"),
            },
            Variant {
                name: "busy",
                description: "Call ended on a busy signal, never answered",
                template: template!("disconnect.busy.json"),
            },
            Variant {
                name: "timeout",
                description: "Nobody answered within callTimeout",
                template: template!("disconnect.timeout.json"),
            },
            Variant {
                name: "enqueued",
                description: "Busy signal on a call that was queued first (documented)",
                template: template!("disconnect.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "dtmf",
        wire_name: "dtmf",
        direction: Direction::Either,
        reply: Reply::BxmlForbidden,
        description: "A caller pressed a key during <StartGather>",
        variants: &[
            Variant {
                name: "default",
                description: "One key press",
                template: template!("dtmf.json"),
            },
            Variant {
                name: "enqueued",
                description: "Key press on a call that was queued first",
                template: template!("dtmf.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "gather",
        wire_name: "gather",
        direction: Direction::Either,
        reply: Reply::BxmlRequired,
        description: "A <Gather> finished collecting digits; reply with BXML",
        variants: &[
            Variant {
                name: "default",
                description: "Stopped at maxDigits",
                template: template!("gather.json"),
            },
            Variant {
                name: "terminating-digit",
                description: "Stopped because the caller pressed #",
                template: template!("gather.terminating-digit.json"),
            },
            Variant {
                name: "enqueued",
                description: "Terminating digit on a call that was queued first",
                template: template!("gather.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "machineDetectionComplete",
        wire_name: "machineDetectionComplete",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "Asynchronous answering-machine detection finished",
        variants: &[
            Variant {
                name: "default",
                description: "Verdict: answering machine",
                template: template!("machineDetectionComplete.json"),
            },
            Variant {
                name: "human",
                description: "Verdict: a person answered",
                template: template!("machineDetectionComplete.human.json"),
            },
            Variant {
                name: "enqueued",
                description: "Answering machine on a call that was queued first",
                template: template!("machineDetectionComplete.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "recordComplete",
        wire_name: "recordComplete",
        direction: Direction::Either,
        reply: Reply::BxmlRequired,
        description: "A <Record> finished; reply with BXML to go on",
        variants: &[
            Variant {
                name: "default",
                description: "Recording finished",
                template: template!("recordComplete.json"),
            },
            Variant {
                name: "enqueued",
                description: "Recording finished on a call that was queued first",
                template: template!("recordComplete.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "recordingAvailable",
        wire_name: "recordingAvailable",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "A call recording is ready to download",
        variants: &[
            Variant {
                name: "default",
                description: "Recording available",
                template: template!("recordingAvailable.json"),
            },
            Variant {
                name: "enqueued",
                description: "Recording of a call that was queued first",
                template: template!("recordingAvailable.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "redirect",
        wire_name: "redirect",
        direction: Direction::Either,
        reply: Reply::BxmlRequired,
        description: "A <Redirect> or call update asks for new BXML",
        variants: &[
            Variant {
                name: "default",
                description: "Redirect before the call was answered",
                template: template!("redirect.json"),
            },
            Variant {
                name: "answered",
                description: "Redirect of an answered call that has a tag",
                template: template!("redirect.answered.json"),
            },
            Variant {
                name: "enqueued",
                description: "Redirect of a call that was queued first",
                template: template!("redirect.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "transcriptionAvailable",
        wire_name: "transcriptionAvailable",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "The transcription of a recording is ready",
        variants: &[
            Variant {
                name: "default",
                description: "Transcription available",
                template: template!("transcriptionAvailable.json"),
            },
            Variant {
                name: "enqueued",
                description: "Transcription for a call that was queued first",
                template: template!("transcriptionAvailable.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "transferAnswer",
        wire_name: "transferAnswer",
        direction: Direction::Outbound,
        reply: Reply::BxmlRequired,
        description: "The far end of a <Transfer> answered; BXML for that leg",
        variants: &[
            Variant {
                name: "default",
                description: "Transfer leg answered",
                template: template!("transferAnswer.json"),
            },
            Variant {
                name: "enqueued",
                description: "Transfer leg answered after being queued",
                template: template!("transferAnswer.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "transferComplete",
        wire_name: "transferComplete",
        direction: Direction::Outbound,
        reply: Reply::BxmlRequired,
        description: "A <Transfer> ended; the original call goes on with BXML",
        variants: &[
            Variant {
                name: "default",
                description: "Transferred call ended normally",
                template: template!("transferComplete.json"),
            },
            Variant {
                name: "busy",
                description: "Transfer failed: the number was busy",
                template: template!("transferComplete.busy.json"),
            },
            Variant {
                name: "enqueued",
                description: "Transfer ended on a call that was queued first",
                template: template!("transferComplete.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "transferDisconnect",
        wire_name: "transferDisconnect",
        direction: Direction::Outbound,
        reply: Reply::Ack,
        description: "A leg created by <Transfer> hung up",
        variants: &[
            Variant {
                name: "default",
                description: "Transfer leg ended after a conversation",
                template: template!("transferDisconnect.json"),
            },
            Variant {
                name: "busy",
                description: "Transfer leg ended on a busy signal",
                template: template!("transferDisconnect.busy.json"),
            },
            Variant {
                name: "enqueued",
                description: "Transfer leg that was queued first",
                template: template!("transferDisconnect.enqueued.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "mediaStreamStarted",
        wire_name: "mediaStreamStarted",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "A <StartStream> WebSocket media stream started",
        variants: &[Variant {
            name: "default",
            description: "Stream started",
            template: template!("mediaStreamStarted.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "mediaStreamStopped",
        wire_name: "mediaStreamStopped",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "A media stream ended; carries the cause",
        variants: &[Variant {
            name: "default",
            description: "Stream closed normally",
            template: template!("mediaStreamStopped.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "mediaStreamRejected",
        wire_name: "mediaStreamRejected",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "A media stream could not start (e.g. duplicate name)",
        variants: &[Variant {
            name: "default",
            description: "Rejected: a stream with that name already runs",
            template: template!("mediaStreamRejected.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "realTimeTranscriptionStarted",
        wire_name: "realTimeTranscriptionStarted",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "A <StartTranscription> real-time transcription began",
        variants: &[
            Variant {
                name: "default",
                description: "Transcription started",
                template: template!("realTimeTranscriptionStarted.json"),
            },
            Variant {
                name: "destination",
                description: "Started, streaming results to a WebSocket destination",
                template: template!("realTimeTranscriptionStarted.destination.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "realTimeTranscriptionStopped",
        wire_name: "realTimeTranscriptionStopped",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "A real-time transcription ended; carries the cause",
        variants: &[
            Variant {
                name: "default",
                description: "Transcription closed normally",
                template: template!("realTimeTranscriptionStopped.json"),
            },
            Variant {
                name: "destination",
                description: "Closed; it was streaming to a WebSocket destination",
                template: template!("realTimeTranscriptionStopped.destination.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "realTimeTranscriptionAvailable",
        wire_name: "realTimeTranscriptionAvailable",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "The full text of a real-time transcription is ready",
        variants: &[Variant {
            name: "default",
            description: "Transcript available to fetch",
            template: template!("realTimeTranscriptionAvailable.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::VoiceV2,
        name: "realTimeTranscriptionRejected",
        wire_name: "realTimeTranscriptionRejected",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "A real-time transcription could not start",
        variants: &[
            Variant {
                name: "default",
                description: "Rejected: a transcription with that name already runs",
                template: template!("realTimeTranscriptionRejected.json"),
            },
            Variant {
                name: "destination",
                description: "Rejected duplicate that named a WebSocket destination",
                template: template!("realTimeTranscriptionRejected.destination.json"),
            },
        ],
    },
    // ---- v1 ------------------------------------------------------------------------------
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-sms",
        wire_name: "sms",
        direction: Direction::Inbound,
        reply: Reply::Ack,
        description: "v1 Catapult SMS event (incoming message or outgoing status)",
        variants: &[
            Variant {
                name: "inbound",
                description: "SMS received on one of your numbers",
                template: template!("v1-sms.inbound.json"),
            },
            Variant {
                name: "outbound",
                description: "Your SMS was sent; delivery receipt code 0",
                template: template!("v1-sms.outbound.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-mms",
        wire_name: "mms",
        direction: Direction::Inbound,
        reply: Reply::Ack,
        description: "v1 Catapult MMS received on one of your numbers",
        variants: &[Variant {
            name: "default",
            description: "MMS with an image and its SMIL part",
            template: template!("v1-mms.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-answer",
        wire_name: "answer",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult call answered",
        variants: &[Variant {
            name: "default",
            description: "Call answered",
            template: template!("v1-answer.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-playback",
        wire_name: "playback",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult audio playback on a call started or finished",
        variants: &[
            Variant {
                name: "started",
                description: "Playback started",
                template: template!("v1-playback.started.json"),
            },
            Variant {
                name: "done",
                description: "Playback finished",
                template: template!("v1-playback.done.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-timeout",
        wire_name: "timeout",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult outbound call was not answered in time",
        variants: &[Variant {
            name: "default",
            description: "Call timed out",
            template: template!("v1-timeout.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-conference",
        wire_name: "conference",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult conference created or completed",
        variants: &[
            Variant {
                name: "created",
                description: "Conference created",
                template: template!("v1-conference.created.json"),
            },
            Variant {
                name: "completed",
                description: "Conference completed",
                template: template!("v1-conference.completed.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-conference-playback",
        wire_name: "conference-playback",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult audio playback in a conference",
        variants: &[
            Variant {
                name: "started",
                description: "Playback started",
                template: template!("v1-conference-playback.started.json"),
            },
            Variant {
                name: "done",
                description: "Playback finished",
                template: template!("v1-conference-playback.done.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-conference-member",
        wire_name: "conference-member",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult conference member joined, left or changed",
        variants: &[
            Variant {
                name: "joined",
                description: "A member joined",
                template: template!("v1-conference-member.joined.json"),
            },
            Variant {
                name: "left",
                description: "A member left",
                template: template!("v1-conference-member.left.json"),
            },
            Variant {
                name: "muted",
                description: "A member was muted",
                template: template!("v1-conference-member.muted.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-conference-speak",
        wire_name: "conference-speak",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult text-to-speech in a conference",
        variants: &[
            Variant {
                name: "started",
                description: "Speech started",
                template: template!("v1-conference-speak.started.json"),
            },
            Variant {
                name: "done",
                description: "Speech finished",
                template: template!("v1-conference-speak.done.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-dtmf",
        wire_name: "dtmf",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult caller pressed a key",
        variants: &[Variant {
            name: "default",
            description: "One key press",
            template: template!("v1-dtmf.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-gather",
        wire_name: "gather",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult gather of digits completed",
        variants: &[Variant {
            name: "default",
            description: "Stopped at max-digits",
            template: template!("v1-gather.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-incomingcall",
        wire_name: "incomingcall",
        direction: Direction::Inbound,
        reply: Reply::Ack,
        description: "v1 Catapult call coming in to one of your numbers",
        variants: &[Variant {
            name: "default",
            description: "Incoming call",
            template: template!("v1-incomingcall.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-hangup",
        wire_name: "hangup",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult call ended",
        variants: &[Variant {
            name: "default",
            description: "Normal hangup",
            template: template!("v1-hangup.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-reject",
        wire_name: "hangup",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult call rejected (a hangup with CALL_REJECTED)",
        variants: &[Variant {
            name: "default",
            description: "Call rejected",
            template: template!("v1-reject.json"),
        }],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-recording",
        wire_name: "recording",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult call recording saved (or failed)",
        variants: &[
            Variant {
                name: "complete",
                description: "Recording saved and available",
                template: template!("v1-recording.complete.json"),
            },
            Variant {
                name: "error",
                description: "Saving the recording failed",
                template: template!("v1-recording.error.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-speak",
        wire_name: "speak",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult text-to-speech on a call started or finished",
        variants: &[
            Variant {
                name: "started",
                description: "Speech started",
                template: template!("v1-speak.started.json"),
            },
            Variant {
                name: "done",
                description: "Speech finished",
                template: template!("v1-speak.done.json"),
            },
        ],
    },
    Event {
        provider: Provider::Bandwidth,
        family: Family::V1,
        name: "v1-transcription",
        wire_name: "transcription",
        direction: Direction::Either,
        reply: Reply::Ack,
        description: "v1 Catapult recording transcription finished",
        variants: &[
            Variant {
                name: "completed",
                description: "Transcription completed",
                template: template!("v1-transcription.completed.json"),
            },
            Variant {
                name: "error",
                description: "Transcription failed",
                template: template!("v1-transcription.error.json"),
            },
        ],
    },
];

pub static ALIASES: &[Alias] = &[
    // The 2020 name of message-sending (docs page messageQueued.md, 2020-07 to 2020-08).
    Alias {
        alias: "message-queued",
        event: "message-sending",
        variant: Some("queued"),
    },
    // The OpenAPI spelling of recordComplete.
    Alias {
        alias: "recordingComplete",
        event: "recordComplete",
        variant: None,
    },
];

/// Realistic sequences for `send --flow`: the message or call id, numbers and application are
/// shared; the message's creation time and the call's start and answer times are carried over.
pub static FLOWS: &[Flow] = &[
    Flow {
        provider: Provider::Bandwidth,
        name: "outbound-mms",
        description: "an MMS you sent: message-sending, then message-delivered",
        steps: &[
            Step {
                event: "message-sending",
                variant: "default",
                after_ms: 0,
            },
            Step {
                event: "message-delivered",
                variant: "mms",
                after_ms: 4000,
            },
        ],
        fresh: &[],
        carry: &["/0/message/time"],
    },
    Flow {
        provider: Provider::Bandwidth,
        name: "outbound-mms-failed",
        description: "an MMS that failed: message-sending, then message-failed",
        steps: &[
            Step {
                event: "message-sending",
                variant: "default",
                after_ms: 0,
            },
            Step {
                event: "message-failed",
                variant: "default",
                after_ms: 4000,
            },
        ],
        fresh: &[],
        carry: &["/0/message/time"],
    },
    Flow {
        provider: Provider::Bandwidth,
        name: "inbound-group",
        description: "a group message to two of your numbers: one message-received per number, each with its own id",
        steps: &[Step {
            event: "message-received",
            variant: "group",
            after_ms: 0,
        }],
        fresh: &[],
        carry: &[],
    },
    Flow {
        provider: Provider::Bandwidth,
        name: "call",
        description: "an incoming call: initiate, answer, gather, disconnect",
        steps: &[
            Step {
                event: "initiate",
                variant: "default",
                after_ms: 0,
            },
            Step {
                event: "answer",
                variant: "default",
                after_ms: 4000,
            },
            Step {
                event: "gather",
                variant: "default",
                after_ms: 15000,
            },
            Step {
                event: "disconnect",
                variant: "default",
                after_ms: 30000,
            },
        ],
        fresh: &[],
        carry: &["/startTime", "/answerTime"],
    },
];

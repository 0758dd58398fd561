//! Embedded JSON Schemas (draft 2020-12), one per Bandwidth catalog event, from
//! `fixtures/bandwidth/schemas/` (disagreements between the provider documents: NOTES.md there).

macro_rules! schema {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/fixtures/bandwidth/schemas/",
                $name,
                ".json"
            )),
        )
    };
}

/// (catalog name, schema text) for every event.
pub static SCHEMAS: &[(&str, &str)] = &[
    schema!("message-received"),
    schema!("message-sending"),
    schema!("message-delivered"),
    schema!("message-failed"),
    schema!("message-sent"),
    schema!("message-read"),
    schema!("suggestion-response"),
    schema!("requested-location-response"),
    schema!("initiate"),
    schema!("answer"),
    schema!("bridgeComplete"),
    schema!("bridgeTargetComplete"),
    schema!("conferenceCreated"),
    schema!("conferenceMemberJoin"),
    schema!("conferenceMemberExit"),
    schema!("conferenceRedirect"),
    schema!("conferenceCompleted"),
    schema!("conferenceRecordingAvailable"),
    schema!("disconnect"),
    schema!("dtmf"),
    schema!("gather"),
    schema!("machineDetectionComplete"),
    schema!("recordComplete"),
    schema!("recordingAvailable"),
    schema!("redirect"),
    schema!("transcriptionAvailable"),
    schema!("transferAnswer"),
    schema!("transferComplete"),
    schema!("referComplete"),
    schema!("transferDisconnect"),
    schema!("mediaStreamStarted"),
    schema!("mediaStreamStopped"),
    schema!("mediaStreamRejected"),
    schema!("realTimeTranscriptionStarted"),
    schema!("realTimeTranscriptionStopped"),
    schema!("realTimeTranscriptionAvailable"),
    schema!("realTimeTranscriptionRejected"),
    schema!("v1-sms"),
    schema!("v1-mms"),
    schema!("v1-answer"),
    schema!("v1-playback"),
    schema!("v1-timeout"),
    schema!("v1-conference"),
    schema!("v1-conference-playback"),
    schema!("v1-conference-member"),
    schema!("v1-conference-speak"),
    schema!("v1-dtmf"),
    schema!("v1-gather"),
    schema!("v1-incomingcall"),
    schema!("v1-hangup"),
    schema!("v1-reject"),
    schema!("v1-recording"),
    schema!("v1-speak"),
    schema!("v1-transcription"),
];

//! Realistic example payloads: a catalog entry's template rendered with fresh, coherent values,
//! overridden with `--set`, and serialised exactly as the provider sends it.

use serde_json::Value;

use crate::catalog::{self, Event, Flow, LookupError, Provider, Variant};
use crate::patch::{self, Set, SetError};
use crate::template::{Renderer, Seed, TemplateError};
use crate::{bandwidth, telnyx};

/// One rendered example: the bodies (more than one when the provider sends several callbacks
/// for one occurrence, as Bandwidth does for a group message).
#[derive(Debug)]
pub struct Example {
    pub provider: Provider,
    pub event: &'static Event,
    pub variant: &'static Variant,
    pub values: Vec<Value>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExampleError {
    #[error(transparent)]
    Lookup(#[from] LookupError),
    #[error("--set {0}")]
    Set(SetError),
    #[error("template {provider}/{event} ({variant}) is broken: {source}")]
    Template {
        provider: Provider,
        event: &'static str,
        variant: &'static str,
        source: TemplateError,
    },
}

impl From<SetError> for ExampleError {
    fn from(e: SetError) -> Self {
        ExampleError::Set(e)
    }
}

impl Example {
    /// The bodies as the provider puts them on the wire.
    pub fn wire_bodies(&self) -> Vec<Vec<u8>> {
        self.values.iter().map(|v| wire(self.provider, v)).collect()
    }
}

/// The exact bytes the provider would send for this body.
pub fn wire(provider: Provider, value: &Value) -> Vec<u8> {
    match provider {
        Provider::Telnyx => telnyx::to_wire(value),
        Provider::Bandwidth => bandwidth::to_wire(value),
    }
}

/// Render an event into the bodies the provider would send.
pub fn build(
    provider: Provider,
    name: &str,
    variant: Option<&str>,
    sets: &[Set],
    renderer: &mut Renderer,
) -> Result<Example, ExampleError> {
    let (event, variant) = catalog::resolve(provider, name, variant)?;
    let rendered = renderer
        .render(variant.template)
        .map_err(|source| ExampleError::Template {
            provider,
            event: event.name,
            variant: variant.name,
            source,
        })?;
    let mut values = match provider {
        Provider::Bandwidth => {
            let n = bandwidth::copies(event.name, variant.name);
            if n > 1 {
                bandwidth::fan_out(&rendered, n, renderer.rng())
            } else {
                vec![rendered]
            }
        }
        Provider::Telnyx => vec![rendered],
    };
    for value in &mut values {
        patch::apply_all(value, sets)?;
    }
    Ok(Example {
        provider,
        event,
        variant,
        values,
    })
}

/// Render with a fresh renderer (the common case).
pub fn build_once(
    provider: Provider,
    name: &str,
    variant: Option<&str>,
    sets: &[Set],
    seed: Seed,
) -> Result<Example, ExampleError> {
    build(provider, name, variant, sets, &mut Renderer::new(seed))
}

/// Render a flow: its events in order, sharing the ids of the message or call, each later than
/// the one before, with the facts the flow carries kept identical. `--set` applies to every
/// body.
pub fn build_flow(
    flow: &Flow,
    sets: &[Set],
    renderer: &mut Renderer,
) -> Result<Vec<Example>, ExampleError> {
    let mut carried: Vec<(&str, Value)> = Vec::new();
    let mut out = Vec::with_capacity(flow.steps.len());
    for (i, step) in flow.steps.iter().enumerate() {
        if i > 0 {
            renderer.forget_names(flow.fresh);
            renderer.advance(step.after_ms);
        }
        let mut example = build(flow.provider, step.event, Some(step.variant), &[], renderer)?;
        for value in &mut example.values {
            for pointer in flow.carry {
                let Some(slot) = value.pointer_mut(pointer) else {
                    continue;
                };
                match carried.iter().find(|(p, _)| p == pointer) {
                    Some((_, fixed)) => *slot = fixed.clone(),
                    None if !slot.is_null() => carried.push((pointer, slot.clone())),
                    None => {}
                }
            }
            patch::apply_all(value, sets)?;
        }
        out.push(example);
    }
    Ok(out)
}

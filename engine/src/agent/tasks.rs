//! The tasks an agent runs, as `Send` data, and where they go.

use std::rc::Rc;
use std::sync::{Arc, Mutex};

use postern_clone::{
    PlatformRecord, RecordObject, RecordString, RecordValue, RecordVec, SerializedRecord,
    SerializedWithTransfer, TransferDataHolder,
};
use postern_dom::{BrowsingContextId, Origin, SandboxingFlagSet, StorageKey};
use postern_event_loop::{AgentId, PortNotice, Task, TaskSource};
use url::Url;

use crate::agent::AgentState;
use crate::agent::message_tracer::TraceHeader;
use crate::embedder::value::ScriptError;
use crate::ids::{NodeId, TimerHandle, WindowId};

/// The target origin of a posted message, once parsed.
#[derive(Clone, Debug)]
pub(crate) enum TargetOrigin {
    /// `"*"`: any origin.
    Any,
    /// Only this origin.
    Origin(Box<Origin>),
}

/// A message on its way to a window: everything the task needs, as `Send` data.
///
/// A million of them may wait in a task queue (posted in one task), each in a box of its
/// own, its record inline (a record of one object with one property needs no other heap
/// block, see `postern_clone::RecordVec`): it is kept to 160 bytes (a size class of the
/// allocator), see the test below.
#[derive(Debug)]
pub(crate) struct PostedMessage {
    /// The Window it was posted to.
    pub target: WindowId,
    /// Who may receive it.
    pub target_origin: TargetOrigin,
    /// The incumbent settings object's (the sender's); `None` for a message the embedder
    /// posted (the event's `origin` is then `""`, its `source` null).
    pub sender: Option<Sender>,
    /// StructuredSerializeWithTransfer's result (transferred ArrayBuffer contents included).
    pub record: QueuedRecord,
    /// Its trace, when the embedder observes messages.
    pub trace: Option<TraceHeader>,
}

/// Who posted a message: what its event's `origin` and `source` are made of.
#[derive(Debug)]
pub(crate) struct Sender {
    /// The serialization of the incumbent settings object's origin (one string shared by
    /// all the sender's messages, see `Window::origin_serialization`).
    pub origin: Arc<str>,
    /// The browsing context of the incumbent settings object's global.
    pub source: BrowsingContextId,
}

/// StructuredSerializeWithTransfer's result as a queued message keeps it: the record's
/// root, object records and properties inline, and what most messages lack (platform
/// objects' data, transfer data holders) boxed apart together (8 bytes instead of two
/// vectors' 48).
#[derive(Debug)]
pub(crate) struct QueuedRecord {
    /// `[[Serialized]]`'s root value.
    root: RecordValue,
    /// `[[Serialized]]`'s object records.
    objects: RecordVec<RecordObject>,
    /// `[[Serialized]]`'s properties.
    properties: RecordVec<(RecordString, RecordValue)>,
    /// `[[Serialized]]`'s platform objects' data and `[[TransferDataHolders]]`, if there
    /// are any.
    rest: Option<Box<RecordRest>>,
}

/// The parts of a queued record that most messages lack.
#[derive(Debug, Default)]
struct RecordRest {
    /// `[[Serialized]]`'s platform objects' data.
    platform: Vec<PlatformRecord>,
    /// `[[TransferDataHolders]]`.
    transfer_data_holders: Vec<TransferDataHolder>,
}

impl From<SerializedWithTransfer> for QueuedRecord {
    fn from(record: SerializedWithTransfer) -> Self {
        let SerializedWithTransfer {
            serialized:
                SerializedRecord {
                    root,
                    objects,
                    properties,
                    platform,
                },
            transfer_data_holders,
        } = record;
        let rest = (!platform.is_empty() || !transfer_data_holders.is_empty()).then(|| {
            Box::new(RecordRest {
                platform,
                transfer_data_holders,
            })
        });
        QueuedRecord {
            root,
            objects,
            properties,
            rest,
        }
    }
}

impl From<QueuedRecord> for SerializedWithTransfer {
    fn from(record: QueuedRecord) -> Self {
        let QueuedRecord {
            root,
            objects,
            properties,
            rest,
        } = record;
        let RecordRest {
            platform,
            transfer_data_holders,
        } = rest.map(|rest| *rest).unwrap_or_default();
        SerializedWithTransfer {
            serialized: SerializedRecord {
                root,
                objects,
                properties,
                platform,
            },
            transfer_data_holders,
        }
    }
}

/// A change to a storage area, on its way to every agent (each fires `storage` at its windows
/// with the same storage key, but the window that made the change).
#[derive(Debug, Clone)]
pub(crate) struct StorageChange {
    /// The storage area's storage key.
    pub storage_key: StorageKey,
    /// `key`: the item's key (`None` for `clear()`).
    pub key: Option<String>,
    /// `oldValue`.
    pub old_value: Option<String>,
    /// `newValue`.
    pub new_value: Option<String>,
    /// `url`: the URL of the document whose storage area changed.
    pub url: String,
    /// The window that made the change (it gets no event).
    pub source: WindowId,
}

/// A fetched response on its way to the agent that creates its document.
#[derive(Debug)]
pub(crate) struct LoadedResponse {
    /// The browsing context navigated.
    pub browsing_context: BrowsingContextId,
    /// The URL asked for.
    pub requested_url: Url,
    /// The response's URL.
    pub url: Url,
    /// The new document's origin.
    pub origin: Origin,
    /// The response body.
    pub body: Vec<u8>,
    /// Why the load failed, if it did (the document is an error page then).
    pub failure: Option<String>,
    /// The navigation params' final sandboxing flag set: the new document's active
    /// sandboxing flag set.
    pub sandboxing_flags: SandboxingFlagSet,
}

/// A message in a port message queue: StructuredSerializeWithTransfer's result, waiting in
/// the user agent's port table until the port it was posted to takes it (step 8 of the message
/// port post message steps).
#[derive(Debug)]
pub(crate) struct PortMessage {
    /// The serialized message and the data holders of what it transferred.
    pub record: SerializedWithTransfer,
    /// Its trace, when the embedder observes messages.
    pub trace: Option<TraceHeader>,
}

/// Where the reply to an [`EvaluateTask`] goes: the embedder waits for it to be filled.
pub(crate) type ReplySlot = Arc<Mutex<Option<Result<SerializedRecord, ScriptError>>>>;

/// A script the embedder evaluates in a window, and where the completion value goes.
#[derive(Debug)]
pub(crate) struct EvaluateTask {
    /// The window.
    pub window: WindowId,
    /// The script's source.
    pub source: String,
    /// The completion value, serialized, or the error.
    pub reply: ReplySlot,
}

/// A task created by the timer initialization steps.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TimerTask {
    /// The global the timer belongs to.
    pub window: WindowId,
    /// The id scripts see.
    pub handle: TimerHandle,
    /// The uniqueHandle of the initialization that queued it.
    pub unique: u64,
    /// The task's timer nesting level.
    pub nesting_level: u32,
}

/// A navigation's final step: load `url` into a browsing context.
#[derive(Debug)]
pub(crate) struct Navigation {
    /// The browsing context navigated.
    pub browsing_context: BrowsingContextId,
    /// Where to.
    pub url: Url,
    /// The origin of the document that started it (for `about:blank`).
    pub initiator_origin: Origin,
    /// The target snapshot params' sandboxing flags, taken when the navigation began.
    pub sandboxing_flags: SandboxingFlagSet,
}

/// A child navigable's navigation to `about:srcdoc`.
#[derive(Debug)]
pub(crate) struct SrcdocNavigation {
    /// The browsing context navigated.
    pub browsing_context: BrowsingContextId,
    /// The srcdoc attribute's value.
    pub source: String,
    /// The origin of the iframe's document (an about:srcdoc document inherits it).
    pub origin: Origin,
    /// The target snapshot params' sandboxing flags, taken when the navigation began.
    pub sandboxing_flags: SandboxingFlagSet,
}

/// The steps of a task, as data that can cross threads.
///
/// Kept to 32 bytes (the rare large payloads boxed): a task queue entry is the steps and 16
/// bytes, and a million of them may wait in one queue (see the test below).
#[derive(Debug)]
pub(crate) enum AgentTask {
    /// Load a URL into a browsing context (a navigation's final step).
    Navigate(Box<Navigation>),
    /// Navigate a child navigable to `about:srcdoc` with its iframe's `srcdoc` as the
    /// document's source.
    NavigateToSrcdoc(Box<SrcdocNavigation>),
    /// Create the document of a fetched response (or an iframe's srcdoc) whose origin
    /// belongs to this agent's cluster; the fetch may have run in another agent.
    LoadDocument(Box<LoadedResponse>),
    /// Destroy a document of this agent on behalf of another (replaced by a document there,
    /// its iframe removed, its traversable closed): drop its tasks and timers.
    UnloadDocument {
        /// The window.
        window: WindowId,
    },
    /// Execute an `async` script element of a window's document, its source fetched.
    ExecuteScript {
        /// The window.
        window: WindowId,
        /// The script's source.
        source: Box<str>,
    },
    /// Set a window's document's page showing and fire `pageshow` (after `load`).
    PageShow {
        /// The window.
        window: WindowId,
    },
    /// Fire `DOMContentLoaded` at a window's document.
    DomContentLoaded {
        /// The window.
        window: WindowId,
    },
    /// Fire `load` at a window, then let its container know.
    WindowLoad {
        /// The window.
        window: WindowId,
    },
    /// The iframe load event steps for an iframe of `parent`'s document.
    IframeLoad {
        /// The window whose document holds the iframe.
        parent: WindowId,
        /// The iframe element.
        iframe: NodeId,
    },
    /// Definitely close a top-level traversable (queued by `window.close()`).
    DefinitelyClose {
        /// The traversable.
        traversable: BrowsingContextId,
    },
    /// A message posted with `window.postMessage`.
    PostedMessage(Box<PostedMessage>),
    /// A storage area changed: fire `storage` at this agent's other windows that see it.
    StorageChanged(Box<StorageChange>),
    /// A task of a port message queue: dispatch a MessagePort's next message, or fire its
    /// `close` event.
    Port(PortNotice),
    /// A timer's task.
    Timer(TimerTask),
    /// Evaluate a script the embedder gave in one of this agent's windows.
    Evaluate(Box<EvaluateTask>),
    /// The task "notify about rejected promises" queues: fire `unhandledrejection` for the
    /// oldest list of rejected promises handed to the window.
    NotifyRejectedPromises {
        /// The window.
        window: WindowId,
    },
}

/// Queues the task of each port notice on the posted message task source of the agent the
/// port lives in, associated with its document.
pub(crate) fn queue_port_notices(state: &Rc<AgentState>, notices: Vec<PortNotice>) {
    for notice in notices {
        let task = Task::new(
            TaskSource::PostedMessage,
            Some(notice.owner.document),
            AgentTask::Port(notice),
        );
        route_task(state, notice.owner.agent, task);
    }
}

/// Queues `task` on `agent`'s event loop: directly when it is this agent, through the
/// agent's channel otherwise.
pub(crate) fn route_task(state: &Rc<AgentState>, agent: AgentId, task: Task<AgentTask>) {
    if agent == state.id {
        state.queue_a_task(task);
    } else if !state.ua.send_task(agent, task) {
        // The agent is gone (shut down): the task is lost, whatever it carried.
        state.ua.coordinator.count_lost_task();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A task's steps wait in a `VecDeque` that grows by doubling (its entries are the
    /// steps and 16 bytes, see `postern_event_loop`'s task queues): their inline size is paid
    /// for every queued message, and twice while the queue grows (1,000,000 messages posted
    /// in one task). The large and rare payloads are boxed so that the steps stay small.
    #[test]
    fn a_task_s_steps_take_32_bytes() {
        let steps = std::mem::size_of::<AgentTask>();
        assert!(steps <= 32, "AgentTask is {steps} bytes");
    }

    /// A posted message waits in a box of its own, its record inline: 160 bytes is one of
    /// mimalloc's size classes (the next is 192).
    #[test]
    fn a_posted_message_fits_in_160_bytes() {
        let message = std::mem::size_of::<PostedMessage>();
        assert!(message <= 160, "PostedMessage is {message} bytes");
        let record = std::mem::size_of::<QueuedRecord>();
        assert!(record <= 112, "QueuedRecord is {record} bytes");
    }

    /// `{seq: 7}`: one object record with one property.
    fn one_object_one_property() -> SerializedRecord {
        SerializedRecord {
            root: RecordValue::Object(postern_clone::ObjectIndex(0)),
            objects: vec![RecordObject::Object {
                properties: postern_clone::PropertyRange { start: 0, len: 1 },
            }]
            .into(),
            properties: vec![("seq".into(), RecordValue::Number(7.0))].into(),
            platform: vec![],
        }
    }

    #[test]
    fn a_queued_record_gives_back_the_record() {
        let serialized = one_object_one_property();
        let queued = QueuedRecord::from(SerializedWithTransfer {
            serialized: serialized.clone(),
            transfer_data_holders: vec![],
        });
        assert!(queued.rest.is_none());
        let back = SerializedWithTransfer::from(queued);
        assert_eq!(back.serialized, serialized);
        assert!(back.transfer_data_holders.is_empty());
    }

    #[test]
    fn a_queued_record_keeps_platform_data_and_transfer_data_holders() {
        let mut serialized = one_object_one_property();
        serialized.platform.push(PlatformRecord {
            interface: "DOMException".into(),
            fields: vec![("name".into(), RecordValue::Null)],
            bytes: Default::default(),
        });
        let holder = TransferDataHolder::ArrayBuffer {
            data: postern_clone::BackingStore::new(vec![1_u8, 2, 3]),
            max_byte_length: None,
        };
        let queued = QueuedRecord::from(SerializedWithTransfer {
            serialized: serialized.clone(),
            transfer_data_holders: vec![holder],
        });
        assert!(queued.rest.is_some());
        let back = SerializedWithTransfer::from(queued);
        assert_eq!(back.serialized, serialized);
        assert!(matches!(
            back.transfer_data_holders.as_slice(),
            [TransferDataHolder::ArrayBuffer { data, max_byte_length: None }] if data.len() == 3
        ));
    }
}

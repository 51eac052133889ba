//! The event listener lists and event handlers of one window's event targets, as data (adding,
//! removing and dispatch are in `dom/event_target.rs`).
//!
//! Spec: <https://dom.spec.whatwg.org/#event-listener-list>

use std::cell::Cell;
use std::collections::HashSet;
use std::rc::Rc;

use boa_engine::JsObject;

use crate::ids::{IdMap, NodeId, PortId, WindowId};

/// An event target within one window: the window itself or one of its document's nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum EventTargetKey {
    /// The Window.
    Window,
    /// A node of the window's document.
    Node(NodeId),
    /// A MessagePort living in the window.
    MessagePort(PortId),
    /// A MessagePort object that was transferred or closed (`[[Detached]]`): no event reaches
    /// it any more, whatever its listeners.
    DetachedPort,
}

/// What a listener calls.
#[derive(Clone)]
pub(crate) enum ListenerCallback {
    /// A function or an object with `handleEvent`.
    Object(JsObject),
    /// The event handler of this type (`onmessage`, ...), read when the listener runs.
    EventHandler,
}

/// An event listener.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-listener>
pub(crate) struct Listener {
    /// The event type.
    pub(crate) type_: String,
    /// What it calls.
    pub(crate) callback: ListenerCallback,
    /// Whether it listens in the capturing phase.
    pub(crate) capture: bool,
    /// Whether it is removed after its first call.
    pub(crate) once: bool,
    /// Set once it is removed (a dispatch under way skips it).
    pub(crate) removed: Cell<bool>,
    /// The callback's callback context: the incumbent settings object (its window) when it
    /// was added; `None` for an event handler.
    pub(crate) callback_context: Option<WindowId>,
}

impl Listener {
    /// The listener an event handler adds when it is activated (its callback runs the
    /// event handler processing algorithm; not capturing, not once).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#activate-an-event-handler>
    pub(crate) fn for_event_handler(type_: &str) -> Listener {
        Listener {
            type_: type_.to_string(),
            callback: ListenerCallback::EventHandler,
            capture: false,
            once: false,
            removed: Cell::new(false),
            callback_context: None,
        }
    }
}

/// The event listener lists and event handlers of one window's targets.
#[derive(Default)]
pub(crate) struct EventListeners {
    /// Each target's event listener list.
    pub(crate) lists: IdMap<EventTargetKey, Vec<Rc<Listener>>>,
    /// Each target's event handlers by type (the compiled or assigned callback). (By target,
    /// then by type: a dispatch looks its handler up without making a key.)
    handlers: IdMap<EventTargetKey, IdMap<String, JsObject>>,
    /// Event handlers set by script or compiled from a content attribute already.
    touched: IdMap<EventTargetKey, HashSet<String, foldhash::fast::RandomState>>,
}

impl EventListeners {
    /// Forgets every listener and event handler of `target` (an event target that will never
    /// be dispatched to again, or whose key another object takes over).
    pub(crate) fn forget_target(&mut self, target: EventTargetKey) {
        if let Some(list) = self.lists.remove(&target) {
            for listener in list {
                listener.removed.set(true);
            }
        }
        self.handlers.remove(&target);
        self.touched.remove(&target);
    }

    /// The value of `target`'s event handler of `type_`, if it is not null.
    pub(crate) fn handler(&self, target: EventTargetKey, type_: &str) -> Option<&JsObject> {
        self.handlers.get(&target)?.get(type_)
    }

    /// Sets the value of `target`'s event handler of `type_` (`None`: null).
    pub(crate) fn set_handler(
        &mut self,
        target: EventTargetKey,
        type_: &str,
        handler: Option<JsObject>,
    ) {
        match handler {
            Some(handler) => {
                self.handlers
                    .entry(target)
                    .or_default()
                    .insert(type_.to_string(), handler);
            }
            None => {
                if let Some(by_type) = self.handlers.get_mut(&target) {
                    by_type.remove(type_);
                }
            }
        }
    }

    /// Whether the event handler was never set by script nor compiled from its attribute.
    pub(crate) fn handler_untouched(&self, target: EventTargetKey, type_: &str) -> bool {
        !self
            .touched
            .get(&target)
            .is_some_and(|types| types.contains(type_))
    }

    /// Records that the event handler was set or compiled.
    pub(crate) fn mark_handler_touched(&mut self, target: EventTargetKey, type_: &str) {
        let types = self.touched.entry(target).or_default();
        if !types.contains(type_) {
            types.insert(type_.to_string());
        }
    }

    /// Forgets that the event handler was set or compiled.
    fn unmark_handler_touched(&mut self, target: EventTargetKey, type_: &str) {
        if let Some(types) = self.touched.get_mut(&target) {
            types.remove(type_);
        }
    }

    /// Sets the event handler to `handler` and activates it with its listener first in the
    /// target's list.
    pub(crate) fn activate_event_handler_first(
        &mut self,
        target: EventTargetKey,
        type_: &str,
        handler: JsObject,
    ) {
        self.set_handler(target, type_, Some(handler));
        let list = self.lists.entry(target).or_default();
        let present = list
            .iter()
            .any(|l| l.type_ == type_ && matches!(l.callback, ListenerCallback::EventHandler));
        if !present {
            list.insert(0, Rc::new(Listener::for_event_handler(type_)));
        }
    }

    /// Deactivate an event handler: its value becomes null and its listener is removed.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#deactivate-an-event-handler>
    pub(crate) fn deactivate_an_event_handler(&mut self, target: EventTargetKey, type_: &str) {
        // 1-2. Set eventHandler's value to null.
        self.set_handler(target, type_, None);
        self.mark_handler_touched(target, type_);
        // 3-5. Remove its listener from the target's event listener list.
        self.remove_an_event_listener(target, type_, &ListenerCallback::EventHandler, false);
    }

    /// Sets the event handler's value to its internal raw uncompiled handler (compiled from
    /// the content attribute when first read or dispatched) and activates it: its listener is
    /// appended unless it is already in the list.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#activate-an-event-handler>
    pub(crate) fn set_raw_uncompiled_handler(&mut self, target: EventTargetKey, type_: &str) {
        self.set_handler(target, type_, None);
        self.unmark_handler_touched(target, type_);
        self.add_an_event_listener(target, Listener::for_event_handler(type_));
    }

    /// Add an event listener.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#add-an-event-listener>
    pub(crate) fn add_an_event_listener(&mut self, target: EventTargetKey, listener: Listener) {
        // 1-4. (Service worker warnings, signal, null callback: handled by the caller.)
        // 5. If eventTarget's event listener list does not contain an event listener whose
        //    type is listener's type, callback is listener's callback, and capture is
        //    listener's capture, then append listener to eventTarget's event listener list.
        let list = self.lists.entry(target).or_default();
        let duplicate = list.iter().any(|l| {
            l.type_ == listener.type_
                && l.capture == listener.capture
                && same_callback(l, &listener)
        });
        if !duplicate {
            list.push(Rc::new(listener));
        }
    }

    /// Remove an event listener.
    ///
    /// Spec: <https://dom.spec.whatwg.org/#remove-an-event-listener>
    pub(crate) fn remove_an_event_listener(
        &mut self,
        target: EventTargetKey,
        type_: &str,
        callback: &ListenerCallback,
        capture: bool,
    ) {
        if let Some(list) = self.lists.get_mut(&target) {
            list.retain(|l| {
                let matches = l.type_ == type_
                    && l.capture == capture
                    && same_callback_values(&l.callback, callback);
                // 2. Set listener's removed to true and remove listener from the list.
                if matches {
                    l.removed.set(true);
                }
                !matches
            });
        }
    }
}

fn same_callback(a: &Listener, b: &Listener) -> bool {
    same_callback_values(&a.callback, &b.callback)
}

fn same_callback_values(a: &ListenerCallback, b: &ListenerCallback) -> bool {
    match (a, b) {
        (ListenerCallback::Object(a), ListenerCallback::Object(b)) => JsObject::equals(a, b),
        (ListenerCallback::EventHandler, ListenerCallback::EventHandler) => true,
        _ => false,
    }
}

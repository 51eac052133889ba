//! A task queue's entries, kept small: a million tasks may wait in one queue (a page
//! posting a million messages to itself in one task), and each entry's inline size is paid
//! for every one of them (and again while the queue's buffer doubles).
//!
//! An entry holds no task source (every entry of a queue has the queue's) and packs the
//! order it was queued in with whether it has a document: 16 bytes beside the steps, where a
//! `(u64, Task<T>)` takes 40.

use crate::ids::DocumentKey;
use crate::task::{Task, TaskSource};

/// A task as its task queue keeps it.
#[derive(Debug)]
pub(crate) struct QueuedTask<T> {
    /// The order the task was queued in, across the loop's queues, shifted left by one; the
    /// low bit is set when [`document`](Self::document) is the task's document.
    stamp: u64,
    /// The task's document (`DocumentKey(0)`, unread, when it has none).
    document: DocumentKey,
    /// The task's steps.
    steps: T,
}

impl<T> QueuedTask<T> {
    /// The entry of `task`, the `order`th queued on its loop. (Orders from 2^63 on would
    /// lose their top bit: a loop queuing a task every nanosecond reaches them after 292
    /// years.)
    pub(crate) fn new(order: u64, task: Task<T>) -> Self {
        let Task {
            source: _,
            document,
            steps,
        } = task;
        QueuedTask {
            stamp: (order << 1) | u64::from(document.is_some()),
            document: document.unwrap_or(DocumentKey(0)),
            steps,
        }
    }

    /// The order the task was queued in.
    pub(crate) fn order(&self) -> u64 {
        self.stamp >> 1
    }

    /// The task's document, if it has one.
    pub(crate) fn document(&self) -> Option<DocumentKey> {
        (self.stamp & 1 == 1).then_some(self.document)
    }

    /// The task again, given the source of the queue it was in.
    pub(crate) fn into_task(self, source: TaskSource) -> Task<T> {
        let document = self.document();
        Task::new(source, document, self.steps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_keeps_its_order_and_document() {
        let with = QueuedTask::new(7, Task::new(TaskSource::Timer, Some(DocumentKey(0)), 'a'));
        assert_eq!(with.order(), 7);
        assert_eq!(with.document(), Some(DocumentKey(0)));
        let without = QueuedTask::new(8, Task::new(TaskSource::Timer, None, 'b'));
        assert_eq!(without.order(), 8);
        assert_eq!(without.document(), None);
        let task = without.into_task(TaskSource::PostedMessage);
        assert_eq!(
            (task.source, task.document, task.steps),
            (TaskSource::PostedMessage, None, 'b')
        );
        let max = QueuedTask::new(
            u64::MAX >> 1,
            Task::new(TaskSource::Timer, Some(DocumentKey(u64::MAX)), ()),
        );
        assert_eq!(
            (max.order(), max.document()),
            (u64::MAX >> 1, Some(DocumentKey(u64::MAX)))
        );
    }

    /// An entry is 16 bytes beside its steps (8-byte aligned steps).
    #[test]
    fn an_entry_is_16_bytes_beside_its_steps() {
        assert_eq!(std::mem::size_of::<QueuedTask<[u64; 4]>>(), 16 + 32);
    }
}

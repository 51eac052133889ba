//! Browsing context groups: the top-level browsing contexts that can script each other
//! (a tab and the popups it opened without `noopener`), and the agent cluster keys their
//! documents use.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#browsing-context-group>

use std::collections::HashMap;

use crate::browsing_context::{BrowsingContextTree, TreeError};
use crate::ids::{BrowsingContextGroupId, BrowsingContextId};
use crate::origin::Origin;
use crate::site::{AgentClusterKey, AgentClusterKeying, obtain_agent_cluster_key, without_domain};

/// A browsing context group's cross-origin isolation mode.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#cross-origin-isolation-mode>
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CrossOriginIsolationMode {
    /// Not cross-origin isolated (the default).
    #[default]
    None,
    /// Isolated as far as the web can see, without process isolation.
    Logical,
    /// Isolated, with the guarantees process isolation gives.
    Concrete,
}

/// One browsing context group.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#browsing-context-group>
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrowsingContextGroup {
    /// Its id.
    pub id: BrowsingContextGroupId,
    /// Its browsing context set: its top-level browsing contexts, in the order they
    /// were appended.
    pub browsing_context_set: Vec<BrowsingContextId>,
    /// Its cross-origin isolation mode.
    pub cross_origin_isolation_mode: CrossOriginIsolationMode,
    /// Its historical agent cluster key map: the key each origin got the first time, so
    /// an origin keeps its keying within the group. Keys are origins with a null domain.
    historical_agent_cluster_key_map: HashMap<Origin, AgentClusterKey>,
}

impl BrowsingContextGroup {
    fn new(id: BrowsingContextGroupId) -> BrowsingContextGroup {
        BrowsingContextGroup {
            id,
            browsing_context_set: Vec::new(),
            cross_origin_isolation_mode: CrossOriginIsolationMode::None,
            historical_agent_cluster_key_map: HashMap::new(),
        }
    }

    /// The key this group recorded for `origin`, if a document of that origin was
    /// already given an agent in this group.
    pub fn historical_agent_cluster_key(&self, origin: &Origin) -> Option<&AgentClusterKey> {
        self.historical_agent_cluster_key_map
            .get(&without_domain(origin))
    }

    /// Steps 1–5 of "obtain a similar-origin window agent" in this group: the key of the
    /// agent cluster a document of `origin` joins. `requests_oac` is whether the
    /// document asked for an origin-keyed agent cluster (`Origin-Agent-Cluster: ?1`).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#obtain-similar-origin-window-agent>
    pub fn obtain_agent_cluster_key(
        &mut self,
        origin: &Origin,
        requests_oac: bool,
    ) -> AgentClusterKey {
        let map_key = without_domain(origin);
        // 1. Let site be the result of obtaining a site with origin.
        // 2. Let key be site.
        // 3. If group's cross-origin isolation mode is not "none", then set key to
        //    origin.
        if self.cross_origin_isolation_mode != CrossOriginIsolationMode::None {
            return obtain_agent_cluster_key(origin, AgentClusterKeying::Origin);
        }
        // 4. Otherwise, if group's historical agent cluster key map[origin] exists, then
        //    set key to group's historical agent cluster key map[origin].
        if let Some(key) = self.historical_agent_cluster_key_map.get(&map_key) {
            return key.clone();
        }
        // 5. Otherwise:
        // 5.1. If requestsOAC is true, then set key to origin.
        let keying = if requests_oac {
            AgentClusterKeying::Origin
        } else {
            AgentClusterKeying::Site
        };
        let key = obtain_agent_cluster_key(origin, keying);
        // 5.2. Set group's historical agent cluster key map[origin] to key.
        self.historical_agent_cluster_key_map
            .insert(map_key, key.clone());
        // 6.-7. (the agent cluster map and the agent itself) are the embedder's.
        key
    }
}

impl BrowsingContextTree {
    /// Creates a top-level browsing context in a new browsing context group; returns
    /// both.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#creating-a-new-top-level-browsing-context>
    pub fn create_a_new_top_level_browsing_context(
        &mut self,
        name: String,
    ) -> (BrowsingContextId, BrowsingContextGroupId) {
        // 1. Let group and document be the result of creating a new browsing context
        //    group and document.
        let (group, id) = self.create_a_new_browsing_context_group(name);
        // 2. Return group's browsing context set[0] and document.
        (id, group)
    }

    /// Creates a browsing context group holding one new top-level browsing context.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#creating-a-new-browsing-context-group-and-document>
    fn create_a_new_browsing_context_group(
        &mut self,
        name: String,
    ) -> (BrowsingContextGroupId, BrowsingContextId) {
        // 1. Let group be a new browsing context group.
        self.next_group_id += 1;
        let group = BrowsingContextGroupId(self.next_group_id);
        // 2. Append group to the user agent's browsing context group set.
        self.groups.insert(group, BrowsingContextGroup::new(group));
        // 3. Let browsingContext and document be the result of creating a new browsing
        //    context and document with null, null, and group.
        // TODO(spec): step 3's document (the initial about:blank) and its agent are the
        // engine's; this records the context only.
        let id = self.allocate(None, None, name);
        // 4. Append browsingContext to group.
        self.append_a_top_level_browsing_context(id, group);
        // 5. Return group and document.
        (group, id)
    }

    /// Creates a top-level browsing context in the existing group `group`.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#creating-a-new-browsing-context>
    /// followed by <https://html.spec.whatwg.org/multipage/document-sequences.html#bcg-append>,
    /// as "create a new auxiliary browsing context" does.
    pub fn create_top_level_in_group(
        &mut self,
        group: BrowsingContextGroupId,
        name: String,
    ) -> Result<BrowsingContextId, TreeError> {
        if !self.groups.contains_key(&group) {
            return Err(TreeError::UnknownGroup(group));
        }
        let id = self.allocate(None, None, name);
        self.append_a_top_level_browsing_context(id, group);
        Ok(id)
    }

    /// Creates an auxiliary browsing context (a popup) opened by `opener`: a top-level
    /// browsing context in the group of `opener`'s top-level browsing context, with
    /// `opener` as its opener.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#creating-a-new-auxiliary-browsing-context>
    pub fn create_a_new_auxiliary_browsing_context(
        &mut self,
        opener: BrowsingContextId,
        name: String,
    ) -> Result<BrowsingContextId, TreeError> {
        // 1. Let openerTopLevelBrowsingContext be opener's top-level traversable's active
        //    browsing context.
        let opener_top = self.top(opener).ok_or(TreeError::UnknownContext(opener))?;
        // 2. Let group be openerTopLevelBrowsingContext's group.
        // 3. Assert: group is non-null, as navigating invokes this directly.
        let group = self
            .get(opener_top)
            .and_then(|c| c.group)
            .ok_or(TreeError::UnknownContext(opener_top))?;
        // 4. Let (browsingContext, document) be the result of creating a new browsing
        //    context and document with opener's active document, null, and group.
        // 6. Append browsingContext to group.
        let id = self.create_top_level_in_group(group, name)?;
        // 5. Set browsingContext's is auxiliary to true.
        // 7. Set browsingContext's opener browsing context to opener.
        let context = self.get_mut(id)?;
        context.is_auxiliary = true;
        context.opener = Some(opener);
        // TODO(spec): step 8 (the virtual browsing context group ID) and step 9 (opener
        // origin at creation): the tree holds no origins.
        // 10. Return (browsingContext, document).
        Ok(id)
    }

    /// Adds the top-level browsing context `id` to `group`.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#bcg-append>
    fn append_a_top_level_browsing_context(
        &mut self,
        id: BrowsingContextId,
        group: BrowsingContextGroupId,
    ) {
        // 1. Append browsingContext to group's browsing context set.
        if let Some(g) = self.groups.get_mut(&group) {
            g.browsing_context_set.push(id);
        }
        // 2. Set browsingContext's group to group.
        if let Some(context) = self.contexts.get_mut(&id) {
            context.group = Some(group);
        }
    }

    /// Takes the top-level browsing context `id` out of its group, and drops the group
    /// once it is empty. Nothing happens for a child or an unknown context.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#bcg-remove>
    pub(crate) fn remove_a_top_level_browsing_context(&mut self, id: BrowsingContextId) {
        // 1. Assert: browsingContext's group is non-null.
        // 2. Let group be browsingContext's group.
        // 3. Set browsingContext's group to null.
        let Some(group) = self.contexts.get_mut(&id).and_then(|c| c.group.take()) else {
            return;
        };
        // 4. Remove browsingContext from group's browsing context set.
        let Some(g) = self.groups.get_mut(&group) else {
            return;
        };
        g.browsing_context_set.retain(|&c| c != id);
        // 5. If group's browsing context set is empty, then remove group from the user
        //    agent's browsing context group set.
        if g.browsing_context_set.is_empty() {
            self.groups.remove(&group);
        }
    }

    /// The browsing context group of `id`: its top-level browsing context's group.
    pub fn group_of(&self, id: BrowsingContextId) -> Option<BrowsingContextGroupId> {
        self.get(self.top(id)?)?.group
    }

    /// The browsing context group with this id.
    pub fn group(&self, group: BrowsingContextGroupId) -> Option<&BrowsingContextGroup> {
        self.groups.get(&group)
    }

    /// The browsing context group with this id, to change its isolation mode or obtain
    /// agent cluster keys in it.
    pub fn group_mut(
        &mut self,
        group: BrowsingContextGroupId,
    ) -> Result<&mut BrowsingContextGroup, TreeError> {
        self.groups
            .get_mut(&group)
            .ok_or(TreeError::UnknownGroup(group))
    }

    /// The user agent's browsing context group set: all group ids, in creation order.
    pub fn group_ids(&self) -> impl Iterator<Item = BrowsingContextGroupId> + '_ {
        self.groups.keys().copied()
    }

    /// The top-level browsing contexts of `group` (empty for an unknown group).
    pub fn browsing_context_set(&self, group: BrowsingContextGroupId) -> &[BrowsingContextId] {
        self.groups
            .get(&group)
            .map_or(&[], |g| g.browsing_context_set.as_slice())
    }
}

#[cfg(test)]
mod tests;

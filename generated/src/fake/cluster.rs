//! The clusters a fake knows, as `all_cluster` scans find them.

use crate::types::ClusterType;

/// A cluster in the fake's inventory.
///
/// `"c-1".into()` is a CCE cluster named after its id; the builder methods
/// change the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FakeCluster {
    /// Cluster id, as `cluster_id_list` and `cluster_info_list` name it.
    pub id: String,
    /// Cluster name (default: the id).
    pub name: String,
    /// Cluster type (default `cce`).
    pub cluster_type: ClusterType,
    /// Kubernetes version (default `v1.28`).
    pub version: String,
}

impl FakeCluster {
    /// A CCE cluster `id`, named `id`, on Kubernetes v1.28.
    pub fn new(id: impl Into<String>) -> Self {
        let id = id.into();
        FakeCluster {
            name: id.clone(),
            id,
            cluster_type: ClusterType::Cce,
            version: "v1.28".to_owned(),
        }
    }

    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Sets the type.
    pub fn cluster_type(mut self, cluster_type: impl Into<ClusterType>) -> Self {
        self.cluster_type = cluster_type.into();
        self
    }

    /// Sets the Kubernetes version.
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = version.into();
        self
    }
}

impl From<&str> for FakeCluster {
    fn from(id: &str) -> Self {
        FakeCluster::new(id)
    }
}

impl From<String> for FakeCluster {
    fn from(id: String) -> Self {
        FakeCluster::new(id)
    }
}

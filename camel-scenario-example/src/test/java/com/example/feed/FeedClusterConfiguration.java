package com.example.feed;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;

/** docs/operations.md's configuration class, as written there: DocsClusteredFeedTest runs it. */
public class FeedClusterConfiguration implements CamelConfiguration {
    @Override
    public void configure(CamelContext camelContext) throws Exception {
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(camelContext.resolvePropertyPlaceholders("{{feed.node-id}}")); // unique per node
        cluster.setNodes(camelContext.resolvePropertyPlaceholders("{{feed.zookeeper}}"));
        cluster.setBasePath("/camel/cluster");
        camelContext.addService(cluster);
    }
}

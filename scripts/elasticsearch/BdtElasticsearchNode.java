// One embedded Elasticsearch 7.10.2 node for the tests, started by scripts/elasticsearch.sh.
//
// usage: java -Des.distribution.flavor=default -cp 'lib/*:classes' BdtElasticsearchNode BASE_PATH HTTP_PORT
//
// elasticsearch-cluster-runner's own main() only takes a base HTTP port and then moves to the next free
// port (up to 9299) on its own; here the runner's onBuild settings pin the node to HTTP_PORT on 127.0.0.1
// (any port), and only the modules the search needs are loaded (analysis-common
// for the language analysers, mapper-extras, reindex, netty4 for HTTP), which starts in about 11 s instead
// of about 30 s with every module. The node runs until the JVM is stopped (SIGTERM closes it).
import java.io.IOException;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;

public final class BdtElasticsearchNode {
    private static final String MODULES = String.join(
            ",",
            "org.elasticsearch.analysis.common.CommonAnalysisPlugin",
            "org.elasticsearch.index.mapper.MapperExtrasPlugin",
            "org.elasticsearch.index.reindex.ReindexPlugin",
            "org.elasticsearch.transport.Netty4Plugin");

    private BdtElasticsearchNode() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BdtElasticsearchNode BASE_PATH HTTP_PORT");
            System.exit(2);
        }
        String basePath = args[0];
        int httpPort = Integer.parseInt(args[1]);
        ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }));
        runner.onBuild((index, settings) -> {
            settings.put("http.port", httpPort);
            settings.put("network.host", "127.0.0.1");
        }).build(new ElasticsearchClusterRunner.Configs()
                .basePath(basePath)
                .numOfNode(1)
                .clusterName("bdt-test-" + httpPort)
                .moduleTypes(MODULES));
        runner.ensureYellow();
        while (!runner.isClosed()) {
            Thread.sleep(5000);
        }
    }
}

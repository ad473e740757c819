package dev.perfkit.runner;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

/** The test target system "loopback": a {@link LoopbackServer} started by the runner. */
public final class TestTarget implements TargetSystem {

    @Override
    public String name() {
        return "loopback";
    }

    @Override
    public String description() {
        return "a JDK HttpServer on 127.0.0.1 (tests)";
    }

    @Override
    public RunningTarget start() throws IOException {
        LoopbackServer server = new LoopbackServer();
        return new RunningTarget() {
            @Override
            public URI baseUri() {
                return server.baseUri();
            }

            @Override
            public Optional<String> jdbcUrl() {
                return Optional.of("jdbc:h2:mem:test;USER=sa;PASSWORD=secret");
            }

            @Override
            public OptionalLong pid() {
                return OptionalLong.of(ProcessHandle.current().pid());
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

}

package dev.clientele.memory;

import dev.clientele.contract.CustomerBackendContract;
import dev.clientele.spi.CustomerBackend;

/** Runs the back-end contract of core's test-jar against the in-memory back-end. */
class MemoryBackendContractTest extends CustomerBackendContract {

    @Override
    protected CustomerBackend newBackend(String name) {
        return MemoryBackend.create(name);
    }

    @Override
    protected CustomerBackend newReadOnlyBackend(String name) {
        return MemoryBackend.create(name, true);
    }
}

package org.regionwise.layers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Child modules held by index ("0", "1", ...), PyTorch's {@code nn.ModuleList}: registered, not chained. */
public final class ModuleList<M extends Module> extends Module implements Iterable<M> {
    private final List<M> modules = new ArrayList<>();

    public ModuleList<M> add(M module) {
        modules.add(registerModule(Integer.toString(modules.size()), module));
        return this;
    }

    public M get(int i) {
        return modules.get(i);
    }

    public int size() {
        return modules.size();
    }

    @Override
    public Iterator<M> iterator() {
        return List.copyOf(modules).iterator();
    }
}

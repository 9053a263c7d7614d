package org.regionwise.autodiff.backend;

/** The three passes of a convolution, named as a per-shape report names them. */
public enum ConvPass {
    FORWARD("forward"),
    BACKWARD_DATA("backward_data"),
    BACKWARD_WEIGHT("backward_weight");

    private final String label;

    ConvPass(String label) {
        this.label = label;
    }

    /** The name in reports and JSON: forward, backward_data, backward_weight. */
    public String label() {
        return label;
    }
}

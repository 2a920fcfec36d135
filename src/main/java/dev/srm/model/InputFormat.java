package dev.srm.model;

/** The input formats srm reads, by the name {@code --input-format} takes; {@code auto} detects by content. */
public enum InputFormat {
    auto, scenario, cloudformation, terraform, config
}

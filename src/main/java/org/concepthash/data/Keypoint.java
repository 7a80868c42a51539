package org.concepthash.data;

/** A ground-truth part location in pixel coordinates of the original image. */
public record Keypoint(String part, double x, double y) {}

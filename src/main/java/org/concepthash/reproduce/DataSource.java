package org.concepthash.reproduce;

/** The two data sets the reproduction can use here (the paper's cannot be had). */
enum DataSource {
  /** The synthetic parts world: ground-truth part keypoints, families of three species. */
  PARTS,
  /** Debian's Fashion-MNIST: real images, no parts. */
  FASHION_MNIST
}

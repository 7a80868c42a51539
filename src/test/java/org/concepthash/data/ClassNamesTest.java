package org.concepthash.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassNamesTest {

  @Test
  void cubNamesLoseTheirPrefixAndUnderscoresAndAreLowerCased() {
    assertEquals("black footed albatross", ClassNames.cub("001.Black_footed_Albatross"));
    assertEquals("chuck will widow", ClassNames.cub("028.Chuck_will_Widow"));
    assertEquals("albatross", ClassNames.lastWord(ClassNames.cub("001.Black_footed_Albatross")));
  }

  @Test
  void carMakesMayBeTwoWords() {
    assertEquals("Aston Martin", ClassNames.carMake("Aston Martin V8 Vantage Convertible 2012"));
    assertEquals("Land Rover", ClassNames.carMake("Land Rover LR2 SUV 2012"));
    assertEquals("AM General", ClassNames.carMake("AM General Hummer SUV 2000"));
    assertEquals("Mercedes-Benz", ClassNames.carMake("Mercedes-Benz SL-Class Coupe 2009"));
    assertEquals("Ram", ClassNames.carMake("Ram C/V Cargo Van Minivan 2012"));
  }
}

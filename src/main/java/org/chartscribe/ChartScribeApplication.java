package org.chartscribe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChartScribeApplication {
    public static void main(String[] args) {
        SpringApplication.run(ChartScribeApplication.class, args);
    }
}

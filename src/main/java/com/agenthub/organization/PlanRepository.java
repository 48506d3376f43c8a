package com.agenthub.organization;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<Plan, Tier> {

    List<Plan> findAllByOrderByRankAsc();
}

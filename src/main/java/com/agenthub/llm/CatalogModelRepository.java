package com.agenthub.llm;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogModelRepository extends JpaRepository<CatalogModel, CatalogModel.Key> {

    List<CatalogModel> findAllByOrderByProviderAscInputPricePerMtokAsc();
}

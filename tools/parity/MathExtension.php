<?php

declare(strict_types=1);

// Stand-in for PERSCOM's App\Support\Twig\Extensions\MathExtension (same class name, so error messages match):
// increment/decrement add or subtract the amount, and give the (negated) amount for a non-numeric value.

namespace App\Support\Twig\Extensions;

use Twig\Extension\AbstractExtension;
use Twig\TwigFilter;

class MathExtension extends AbstractExtension
{
    public function getFilters(): array
    {
        return [new TwigFilter('increment', $this->increment(...)), new TwigFilter('decrement', $this->decrement(...))];
    }

    public function increment(mixed $value, int|float $amount = 1): int|float
    {
        return is_numeric($value) ? $value + $amount : $amount;
    }

    public function decrement(mixed $value, int|float $amount = 1): int|float
    {
        return is_numeric($value) ? $value - $amount : -$amount;
    }
}
